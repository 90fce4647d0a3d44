namespace InboxBench;

/// <summary>
/// Words that message bodies, subjects and names are drawn from. Words are picked with a Zipf-like
/// skew so a few are very common ("order", "pedido") and the tail is rare, as in real support mail.
/// </summary>
internal static class Vocabulary
{
    /// <summary>Words any ticket may use, most common first ("order" and "pedido" end up in most tickets).</summary>
    public static readonly string[] English =
    [
        "order", "please", "help", "thanks", "account", "the", "and", "for", "with", "this",
        "that", "have", "not", "but", "my", "you", "could", "would", "check", "again",
        "when", "where", "why", "how", "what", "today", "yesterday", "tomorrow", "week", "month",
        "still", "waiting", "response", "customer", "service", "email", "phone", "message", "update", "number",
        "received", "sent", "tried", "works", "sorry", "inconvenience", "understand", "apologize", "follow", "up",
        "team", "manager", "asap", "urgent", "escalate", "complaint", "product", "item", "store", "website",
        "page", "link", "button", "screen", "details", "information", "reference", "attached", "screenshot", "confirm",
    ];

    public static readonly string[] Spanish =
    [
        "pedido", "por", "favor", "ayuda", "gracias", "cuenta", "el", "la", "de", "que",
        "con", "para", "una", "mi", "no", "pero", "puede", "podría", "revisar", "otra",
        "vez", "cuándo", "dónde", "hoy", "ayer", "mañana", "semana", "mes", "todavía", "esperando",
        "respuesta", "cliente", "servicio", "correo", "electrónico", "teléfono", "mensaje", "número", "recibí", "envié",
        "intenté", "funciona", "también", "después", "aquí", "más", "sí", "está", "están", "información",
        "lamentamos", "molestias", "entendemos", "disculpe", "equipo", "gerente", "urgente", "queja", "producto", "artículo",
        "tienda", "página", "enlace", "botón", "pantalla", "detalles", "referencia", "adjunto", "captura", "confirmar",
    ];

    /// <summary>
    /// What a ticket is about. A third of a body's words come from its topic, so a topic word such as
    /// "contraseña" is in a few percent of tickets rather than in all of them.
    /// </summary>
    public static readonly Topic[] Topics =
    [
        new("Account", 15,
            ["password", "login", "reset", "locked", "verify", "verification", "two-factor", "security", "code", "profile", "settings", "username", "sign", "access"],
            ["contraseña", "acceso", "restablecer", "bloqueada", "verificar", "verificación", "seguridad", "código", "perfil", "configuración", "usuario", "iniciar", "sesión", "entrar"],
            ["Cannot log in to my account", "Password reset link does not work", "Account locked after two-factor change", "Verification code never arrives"],
            ["No puedo entrar en mi cuenta", "No puedo cambiar mi contraseña", "Cuenta bloqueada", "No me llega el código de verificación"]),
        new("Payments", 20,
            ["refund", "refunded", "charged", "twice", "card", "payment", "paypal", "bank", "transfer", "credit", "balance", "money", "back", "chargeback"],
            ["reembolso", "reembolsar", "reembolsado", "cobrado", "dos", "veces", "tarjeta", "pago", "banco", "transferencia", "crédito", "saldo", "dinero", "devolver"],
            ["Refund for order {0}", "Charged twice for order {0}", "Where is my refund?", "Card payment failed"],
            ["Reembolso del pedido {0}", "Cobrado dos veces por el pedido {0}", "¿Dónde está mi reembolso?", "El pago con tarjeta falló"]),
        new("Shipping", 25,
            ["delivery", "package", "tracking", "courier", "shipping", "address", "late", "arrived", "warehouse", "dispatched", "parcel", "lost", "driver", "pickup"],
            ["envío", "paquete", "seguimiento", "mensajería", "dirección", "tarde", "llegó", "almacén", "enviado", "perdido", "repartidor", "recogida", "entrega", "retraso"],
            ["Where is my package?", "Tracking number not updating", "Change shipping address", "Delivery is late for order {0}"],
            ["¿Dónde está mi paquete?", "El seguimiento no se actualiza", "Cambiar la dirección de envío", "Retraso en el envío del pedido {0}"]),
        new("Orders", 15,
            ["return", "exchange", "damaged", "broken", "missing", "size", "color", "wrong", "replacement", "warranty", "repair", "quality", "label", "box"],
            ["devolución", "cambio", "dañado", "roto", "falta", "talla", "color", "equivocado", "reemplazo", "garantía", "reparación", "calidad", "etiqueta", "caja"],
            ["Damaged item in delivery", "Missing item from order {0}", "Return and exchange for order {0}", "Question about warranty"],
            ["Artículo dañado en el envío", "Falta un artículo del pedido {0}", "Devolución del pedido {0}", "Pregunta sobre la garantía"]),
        new("Billing", 15,
            ["invoice", "subscription", "plan", "upgrade", "cancel", "renewal", "tax", "vat", "receipt", "statement", "discount", "coupon", "price", "annual"],
            ["factura", "suscripción", "plan", "mejorar", "cancelar", "renovación", "impuesto", "iva", "recibo", "descuento", "cupón", "precio", "anual", "facturación"],
            ["Invoice {0} is wrong", "Cancel my subscription", "Coupon code not accepted at checkout", "Upgrade my plan"],
            ["La factura {0} es incorrecta", "Cancelar mi suscripción", "El cupón no funciona en la compra", "Quiero mejorar mi plan"]),
        new("Technical", 10,
            ["app", "crash", "error", "android", "iphone", "browser", "laptop", "download", "upload", "attachment", "api", "integration", "webhook", "timeout"],
            ["aplicación", "falla", "error", "móvil", "navegador", "portátil", "descargar", "subir", "archivo", "api", "integración", "webhook", "lento", "cierra"],
            ["App crashes on android", "Error 500 on checkout page", "API returns timeout", "Cannot upload attachment"],
            ["La aplicación falla en el móvil", "Error 500 en la página de compra", "La API devuelve timeout", "No puedo subir un archivo"]),
    ];

    public static readonly string[] FirstNames =
    [
        "María", "José", "Ana", "Luis", "Carmen", "Javier", "Lucía", "Sofía", "Diego", "Elena", "Pablo", "Marta",
        "Andrés", "Inés", "Raúl", "Irene", "Sergio", "Nuria", "Óscar", "Ángela", "James", "Mary", "John", "Patricia",
        "Robert", "Jennifer", "Michael", "Linda", "David", "Emma", "Oliver", "Amelia", "Noah", "Olivia", "Liam", "Ava",
        "Chloe", "Ethan", "Grace", "Henry", "Isla", "Jack", "Zoe", "Leo", "Mia", "Ruby", "Sam", "Tom", "Yuki", "Priya",
    ];

    public static readonly string[] LastNames =
    [
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
        "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
        "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina",
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young",
        "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell",
    ];

    public static readonly string[] Tags =
    [
        "billing", "refund", "shipping", "login", "bug", "vip", "feature-request", "urgent", "chargeback", "damaged",
        "returns", "password", "invoice", "mobile", "checkout", "gdpr", "spam", "duplicate", "escalated", "follow-up",
        "warranty", "coupon", "subscription", "tax", "delivery-late", "fraud", "api", "integration", "sla-breach", "feedback",
    ];

    /// <summary>Appears in about one message in 100,000: the benchmark's "rare term" search.</summary>
    public const string RareWord = "subpoena";
}

internal sealed record Topic(string Category, double Weight, string[] English, string[] Spanish, string[] EnglishSubjects, string[] SpanishSubjects);

/// <summary>Picks from a list with weight 1/(rank + offset): rank 0 is the most common.</summary>
internal sealed class ZipfPicker
{
    private readonly double[] cumulative;

    public ZipfPicker(int count, double offset)
    {
        cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += 1.0 / (i + offset);
            cumulative[i] = sum;
        }
        for (var i = 0; i < count; i++)
        {
            cumulative[i] /= sum;
        }
    }

    public int Next(Random rng)
    {
        var index = Array.BinarySearch(cumulative, rng.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}

/// <summary>Picks an index from fixed weights.</summary>
internal sealed class WeightedPicker(params double[] weights)
{
    private readonly double total = weights.Sum();

    public int Next(Random rng)
    {
        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
