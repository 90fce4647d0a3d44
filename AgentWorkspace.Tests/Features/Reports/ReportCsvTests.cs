using AgentWorkspace.Features.Reports;

namespace AgentWorkspace.Tests.Features.Reports;

public sealed class ReportCsvTests
{
    [Fact]
    public void TheCsv_HoldsTheTablesRows_WithNumbersAsNumbers_AndQuotesWhereNeeded()
    {
        var table = new ReportTable("agents", "By agent", ["Agent", "Resolved cycles", "Resolution (median)"],
        [
            [new ReportCell("Ana García"), ReportCell.Number(1234, "/inbox?report=x"), new ReportCell("5 h 0 min", "/inbox", 18_000L)],
            [new ReportCell("Smith, \"Bob\""), ReportCell.Number(0, null), new ReportCell("—")],
        ]);

        table.ToCsv().ShouldBe(
            "Agent,Resolved cycles,Resolution (median)\r\n" +
            "Ana García,1234,18000\r\n" +
            "\"Smith, \"\"Bob\"\"\",0,—\r\n");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("refund", "refund")]
    public void TextThatASpreadsheetWouldRunAsAFormula_IsWrittenAsText(string text, string expected)
    {
        ReportTable.Field(text).ShouldBe(expected);
    }

    [Fact]
    public void NegativeNumbers_StayNumbers() => ReportTable.Field(-5).ShouldBe("-5");
}
