namespace AgentWorkspace.Features.Suggestions;

/// <summary>Spanish ↔ English support and online-shop vocabulary (accents optional, any inflection: both sides are
/// stemmed). Lets a Spanish question reach an English article when no Spanish one covers the topic. General words
/// only, the kind any bilingual agent would translate without thinking.</summary>
/// <remarks>Source: a hand-written glossary (no external list), each pair a dictionary translation of an account,
/// security, shipping, payments, billing or store-admin word, or the help centre's own term for it (paqueteria →
/// carrier, sucursal → location). Audited 2026-12-01 against issue 10 item 10 (never fitted to the dev queries):
/// removed perdi → lost (one inflected verb form), roto → damaged (roto → broken and dañado → damaged stay),
/// separado → separate, excel → csv, hoja → sheets, todos → all (both stop words, so it did nothing),
/// programar → code (programar is program or schedule) and debe → owes, each an odd choice that only served the
/// wording of one dev query; and a duplicate perdido → lost. Add words the way a translator would, never to make one
/// query work.</remarks>
internal static class BilingualTerms
{
    public static readonly string[][] Pairs =
    [
        ["cuenta", "account"], ["usuario", "user"], ["contraseña", "password"], ["correo", "email"],
        ["iniciar sesion", "sign in"], ["hackear", "hacked"], ["hackeado", "hacked"], ["robado", "stolen"],
        ["sospechoso", "suspicious"], ["desconocido", "unrecognized"], ["dispositivo", "device"],
        ["movil", "phone"], ["telefono", "phone"], ["perdido", "lost"], ["codigo", "code"],
        ["verificacion", "verification"], ["autenticacion", "authentication"], ["seguridad", "security"],
        ["empleado", "staff"], ["permiso", "permission"], ["rol", "role"], ["invitar", "invite"],
        ["tienda", "store"], ["pagina", "page"], ["sitio", "site"], ["web", "website"], ["navegador", "browser"],
        ["pestaña", "tab"], ["icono", "icon"], ["logo", "logo"], ["plantilla", "theme"], ["diseño", "design"],
        ["portada", "homepage"], ["idioma", "language"], ["traducir", "translate"], ["dominio", "domain"],
        ["lento", "slow"], ["cargar", "load"], ["error", "error"], ["roto", "broken"],
        ["dañado", "damaged"], ["paquete", "package"], ["paqueteria", "carrier"],
        ["transportista", "carrier"], ["reclamar", "claim"], ["reclamacion", "claim"], ["seguro", "insurance"],
        ["envio", "shipping"], ["enviar", "ship"], ["entrega", "delivery"], ["recoger", "pickup"],
        ["etiqueta", "label"], ["impresora", "printer"], ["imprimir", "print"], ["papel", "paper"],
        ["tamaño", "size"], ["peso", "weight"], ["caja", "box"], ["seguimiento", "tracking"], ["rastreo", "tracking"],
        ["pedido", "order"], ["compra", "purchase"], ["manual", "manually"], ["crear", "create"], ["borrador", "draft"],
        ["cancelar", "cancel"], ["anular", "void"], ["anular", "cancel"], ["devolucion", "return"],
        ["reembolso", "refund"], ["reembolsar", "refund"], ["parcial", "partial"], ["cambio", "exchange"],
        ["cliente", "customer"], ["clienta", "customer"], ["comprador", "buyer"], ["producto", "product"],
        ["articulo", "item"], ["variante", "variant"], ["talla", "size"], ["color", "color"], ["foto", "photo"],
        ["imagen", "image"], ["precio", "price"], ["descuento", "discount"], ["cupon", "coupon"], ["oferta", "sale"],
        ["inventario", "inventory"], ["existencias", "stock"], ["stock", "stock"], ["almacen", "warehouse"],
        ["bodega", "warehouse"], ["ubicacion", "location"], ["sucursal", "location"],
        ["transferir", "transfer"], ["historial", "history"], ["ajuste", "adjustment"], ["importar", "import"],
        ["subir", "upload"], ["exportar", "export"], ["descargar", "download"], ["archivo", "file"],
        ["hoja de calculo", "spreadsheet"], ["masivo", "bulk"],
        ["pago", "payment"], ["pagar", "pay"], ["cobrar", "charge"], ["cargo", "charge"], ["tarjeta", "card"],
        ["lector", "reader"], ["lector de tarjetas", "card reader"], ["rechazada", "declined"], ["banco", "bank"],
        ["dinero", "money"], ["deposito", "payout"], ["transferencia", "transfer"], ["contracargo", "chargeback"],
        ["disputa", "dispute"], ["fraude", "fraud"], ["estafa", "scam"], ["falso", "fake"], ["prueba", "evidence"],
        ["factura", "invoice"], ["facturar", "invoice"], ["recibo", "receipt"], ["impuesto", "tax"], ["iva", "vat"],
        ["contador", "accountant"], ["contabilidad", "accounting"], ["recordatorio", "reminder"],
        ["vencida", "overdue"], ["atrasado", "late"], ["plan", "plan"], ["suscripcion", "subscription"],
        ["mensual", "monthly"], ["anual", "annual"], ["prueba gratuita", "free trial"], ["cerrar", "close"],
        ["notificacion", "notification"], ["aviso", "alert"], ["avisar", "notify"], ["alerta", "alert"],
        ["sonido", "sound"], ["automatico", "automatic"], ["automatizar", "automate"],
        ["conectar", "connect"], ["integracion", "integration"], ["aplicacion", "app"], ["sincronizar", "sync"],
        ["desconectado", "disconnected"], ["clave", "key"], ["api", "api"], ["informe", "report"],
        ["visitas", "visitors"], ["visitantes", "visitors"], ["trafico", "traffic"], ["estadisticas", "analytics"],
        ["datos", "data"], ["privacidad", "privacy"], ["borrar", "delete"], ["eliminar", "delete"],
        ["cookies", "cookies"], ["copia", "copy"], ["carrito", "cart"], ["abandonado", "abandoned"],
        ["boletin", "newsletter"], ["marketing", "marketing"], ["resena", "review"], ["opinion", "review"],
        ["tarjeta regalo", "gift card"], ["saldo", "balance"], ["credito", "credit"], ["moneda", "currency"],
        ["pais", "country"], ["internacional", "international"], ["zona", "zone"], ["tarifa", "rate"],
        ["gratis", "free"], ["local", "local"], ["punto de venta", "point of sale"], ["en persona", "in person"],
    ];
}
