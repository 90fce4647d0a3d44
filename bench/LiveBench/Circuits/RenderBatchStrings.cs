using System.Buffers.Binary;
using System.Text;

namespace LiveBench.Circuits;

/// <summary>
/// Reads only the string table of a Blazor render batch: every text, markup and attribute value the batch adds or
/// changes is there, so "did this batch show marker X" needs nothing else. Layout (RenderBatchWriter): the batch ends
/// with five little-endian int32 section offsets (updated components, reference frames, disposed component ids,
/// disposed event handler ids, strings); the strings section is an array of int32 offsets, each pointing at a
/// LEB128-length-prefixed UTF-8 string.
/// </summary>
internal static class RenderBatchStrings
{
    public static List<string> Read(ReadOnlySpan<byte> batch)
    {
        var stringsSection = BinaryPrimitives.ReadInt32LittleEndian(batch[^4..]);
        var indexes = batch[stringsSection..^20];
        var result = new List<string>(indexes.Length / 4);
        for (var i = 0; i + 4 <= indexes.Length; i += 4)
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(indexes.Slice(i, 4));
            var length = ReadLeb128(batch, offset, out var prefix);
            result.Add(Encoding.UTF8.GetString(batch.Slice(offset + prefix, length)));
        }
        return result;
    }

    private static int ReadLeb128(ReadOnlySpan<byte> data, int offset, out int bytesRead)
    {
        var value = 0;
        var shift = 0;
        bytesRead = 0;
        byte current;
        do
        {
            current = data[offset + bytesRead++];
            value |= (current & 0x7f) << shift;
            shift += 7;
        }
        while ((current & 0x80) != 0 && bytesRead < 5);
        return value;
    }
}
