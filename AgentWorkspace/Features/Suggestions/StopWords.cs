namespace AgentWorkspace.Features.Suggestions;

/// <summary>Accent-folded stop words. Greetings and politeness words are included because agent drafts and chat
/// messages open with them and they say nothing about the topic.</summary>
/// <remarks>Source: English is the common function-word list (as in NLTK's English stop words, contractions folded
/// to their fragments: "don", "ll", "ve") plus greetings, politeness words and conversational fillers ("still",
/// "really", "want", "need"); Spanish is the everyday function words (articles, pronouns, prepositions, common forms
/// of ser, estar, haber, tener) plus the same kind of greetings and fillers. Audited 2026-12-01 (issue 10 item 10):
/// nothing in them is specific to a dev query.</remarks>
internal static class StopWords
{
    public static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "don", "down", "during", "each", "even", "few", "for", "from", "further", "get", "got", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "im",
        "in", "into", "is", "it", "its", "itself", "just", "ll", "me", "might", "more", "most", "much", "must", "my",
        "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "over", "own", "re", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "us", "ve", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "yet", "let", "lets",
        "s", "t", "d", "m", "hi", "hello", "hey", "thanks", "thank", "please", "ok", "okay", "sure", "yes", "yeah",
        "still", "already", "really", "right", "way", "one", "like", "want", "need", "know", "see", "go", "make",
    };

    public static readonly HashSet<string> Spanish = new(StringComparer.Ordinal)
    {
        "a", "al", "algo", "algun", "alguna", "algunas", "alguno", "algunos", "ante", "antes", "aqui", "asi", "aun",
        "bien", "cada", "como", "con", "contra", "cual", "cuales", "cuando", "de", "del", "desde", "donde", "dos", "el",
        "ella", "ellas", "ello", "ellos", "en", "entre", "era", "eres", "es", "esa", "esas", "ese", "eso", "esos", "esta",
        "estas", "este", "esto", "estos", "estoy", "estan", "fue", "ha", "han", "has", "hay", "he", "hemos", "la", "las",
        "le", "les", "lo", "los", "mas", "me", "mi", "mis", "mucho", "muy", "nada", "ni", "no", "nos", "nosotros", "o",
        "os", "otra", "otro", "para", "pero", "poco", "por", "porque", "que", "quien", "se", "sea", "ser", "si", "sin",
        "sobre", "son", "su", "sus", "tambien", "te", "tengo", "tiene", "tienes", "ti", "todo", "todos", "tu", "tus",
        "un", "una", "unas", "uno", "unos", "usted", "ustedes", "y", "ya", "yo", "hola", "gracias", "saludos", "buenas",
        "buenos", "favor", "vale", "puedo", "puedes", "puede", "quiero", "necesito", "hacer", "solo", "ahora", "pues",
    };

    public static bool Contains(string folded) => English.Contains(folded) || Spanish.Contains(folded);
}
