using AgentWorkspace.Features.Tickets;
using static AgentWorkspace.Data.Seed.Say;

namespace AgentWorkspace.Data.Seed;

/// <summary>Conversaciones en español sobre facturación, pagos, liquidaciones e impuestos.</summary>
internal static class ScriptsSpanishMoney
{
    public static readonly ConversationScript[] All =
    [
        new("es", "Billing", "Cobro duplicado de la suscripción", TicketPriority.Normal, ["refund", "billing"],
        [
            C("Hola, este mes me habéis cobrado **dos veces** el plan Grow (79,00 € cada cargo, el mismo día). ¿Podéis devolverme uno? Mi tienda es {shop}."),
            N("En el registro de facturación se ve un reintento tras un timeout de 3-D Secure; los dos cobros se capturaron. Reembolso del duplicado sin aprobación (menos de 100 €).", Progress),
            A("""
              Hola, {name}. Disculpa las molestias. He revisado tu cuenta: el primer intento de pago se quedó esperando la verificación de tu banco y el sistema lo reintentó, así que se cobraron los dos.

              Ya he **reembolsado el cargo duplicado de 79,00 €**. Suele aparecer en la tarjeta en **5 a 10 días hábiles**, según el banco.
              """),
            C("¡Genial, muchas gracias por la rapidez!"),
        ], Country: "es"),

        new("es", "Payments", "No me ha llegado la transferencia de mis ventas", TicketPriority.High, ["payout"],
        [
            C("""
              Buenos días. La liquidación de la semana pasada sigue en **Pendiente** y no ha llegado a mi cuenta. Tuvimos muchísimas ventas en las rebajas y necesito el dinero para pagar a mis proveedores.

              Tienda: {shop}
              """),
            N("Logs del proveedor de pagos: liquidación retenida por revisión KYC por el salto de volumen (x7). No comentar la puntuación de riesgo al cliente; Cumplimiento solo pide documentación.", Progress),
            A("""
              Hola, {name}. Tu liquidación está en una **revisión de verificación** rutinaria: se activa sola cuando las ventas de una tienda cambian mucho en poco tiempo (¡enhorabuena por las rebajas!).

              Para liberarla necesitamos:
              1. Una foto de la identificación oficial del titular de la cuenta
              2. Un estado de cuenta bancario reciente a nombre del titular

              Puedes subirlos en **Configuración → Pagos → Verificación**.
              """, Waiting),
            C("Listo, ya subí los dos documentos."),
            N("Documentación recibida y enviada a Cumplimiento. Responden en un día hábil."),
            A("Gracias, {name}. El equipo de verificación ya tiene los documentos; la revisión suele tardar **un día hábil**. Te aviso por aquí en cuanto termine.", Hold),
            A("¡Buenas noticias! La verificación se ha completado y la liquidación ya está liberada. La recibirás en **1 o 2 días hábiles**. Perdona la espera."),
        ], Country: "mx"),

        new("es", "Taxes", "Facturas con IVA para clientes empresa", TicketPriority.Normal, ["vat", "invoice"],
        [
            C("Hola. Algunos clientes son empresas y me piden factura con su **NIF** y el IVA desglosado. ¿Nimbus lo puede hacer automáticamente?"),
            A("""
              Hola, {name}. Sí, puedes activarlo así:

              1. Ve a **Configuración → Impuestos → Facturas**
              2. Activa **Pedir datos fiscales en el checkout**
              3. Marca **Mostrar el IVA desglosado en las facturas**

              A partir de ese momento el cliente podrá indicar su razón social y NIF al pagar, y la factura en PDF los incluirá. ¿Necesitas también facturas para pedidos anteriores?
              """, Waiting),
            C("Sí, para dos pedidos de la semana pasada: {order} y otro más."),
            A("Para pedidos anteriores puedes editar los datos fiscales desde **Pedidos → {order} → Factura → Editar datos** y volver a generar el PDF. Si te da problemas con alguno, dime el número y lo reviso."),
            C("Perfecto, ya lo he hecho. ¡Gracias!"),
        ], Country: "es"),

        new("es", "Payments", "Los clientes no pueden pagar con OXXO", TicketPriority.Urgent, ["checkout", "payments"],
        [
            C("""
              ¡Urgente! Desde esta mañana el pago en **OXXO** da error: *"No fue posible generar la referencia"*. La mitad de mis clientes paga así. Con tarjeta sí funciona.

              Tienda: {shop}
              """),
            N("El proveedor de pagos en efectivo en México tiene una incidencia abierta desde las 9:10 (hora CDMX). Afecta a todas las tiendas. Ingeniería en contacto con ellos.", Progress),
            A("""
              Hola, {name}. Lo siento mucho: nuestro proveedor de pagos en efectivo tiene una incidencia y ahora mismo no se pueden generar referencias de OXXO en ninguna tienda. Ya están trabajando en ello.

              Puedes seguir el estado en https://status.nimbus.test. Mientras tanto, **tarjeta y transferencia SPEI** funcionan con normalidad.
              """, Hold),
            N("Incidencia resuelta 12:40. Las referencias fallidas no se generaron, no hay pagos perdidos."),
            A("La incidencia está resuelta y los pagos en OXXO vuelven a funcionar. Los clientes a los que les falló pueden intentarlo de nuevo sin problema. Disculpa las molestias, {name}."),
        ], Country: "mx"),

        new("es", "Billing", "Quiero cambiarme al plan anual", TicketPriority.Low, ["plan-change", "billing"],
        [
            C("Hola, ¿cuánto me ahorro si paso del plan mensual al anual? ¿Y pierdo lo que ya he pagado este mes?"),
            A("""
              Hola, {name}. Con el plan anual ahorras **dos meses** respecto al mensual. Y no pierdes nada: lo que queda de tu mes actual se descuenta automáticamente del primer cobro anual.

              Puedes cambiarlo en **Configuración → Plan → Cambiar a facturación anual**.
              """),
            C("Hecho. Gracias, {agent} 😊"),
            A("¡A ti, {name}! Cualquier cosa, aquí estamos."),
        ]),

        new("es", "Payments", "Contracargo de un pedido", TicketPriority.High, ["chargeback", "payments"],
        [
            C("Me ha llegado un aviso de **contracargo** del pedido {order} (96,40 €). El cliente dice que no reconoce el pago, pero es un cliente habitual. ¿Qué hago?"),
            N("Motivo: 'fraudulento / no reconocido'. Plazo para pruebas: 7 días. Cliente con 5 pedidos previos con la misma tarjeta: buen caso.", Progress),
            A("""
              Hola, {name}. Tranquilidad, con un cliente habitual suele haber buenas pruebas. Para responder:

              1. Abre el pedido {order} y pulsa **Responder a la disputa**
              2. Adjunta el **justificante de entrega** y el historial de pedidos anteriores del cliente
              3. Pulsa **Enviar pruebas**

              Tienes **7 días** de plazo. ¿Tienes algún correo o mensaje del cliente sobre este pedido? Ayuda mucho.
              """, Waiting),
            C("Sí, me escribió para preguntar por el envío. Lo adjunto también."),
            A("Perfecto, eso demuestra que conocía la compra. Envía las pruebas y el banco decidirá en un plazo de **60 a 75 días**; te avisaremos por correo.", Hold),
            C("Enviado. Muchas gracias por la ayuda."),
        ], Country: "es"),

        new("es", "Taxes", "Los precios muestran el IVA dos veces", TicketPriority.High, ["taxes", "checkout", "bug"],
        [
            C("En el checkout el IVA se suma dos veces: un producto de 21,00 € (IVA incluido) acaba costando 25,41 €. ¡Los clientes abandonan el carrito!"),
            A("Hola, {name}. ¿Has cambiado recientemente la opción **Los precios incluyen impuestos** o has instalado alguna app de impuestos?", Waiting),
            C("Instalé ayer una app de facturación, «FacturaFácil»."),
            N("Reproducido: la app añade su propia regla de IVA encima de la de Nimbus. Abierto caso con el desarrollador de la app. Escalado a nivel 2.", Progress),
            A("""
              Gracias, ese es el origen. La app añade su propio IVA además del que ya calcula Nimbus. Mientras el desarrollador lo corrige:

              1. Abre **Apps → FacturaFácil → Ajustes**
              2. Desactiva **Calcular impuestos en el checkout**

              Así la app solo genera las facturas y el precio vuelve a ser el correcto.
              """, Hold),
            C("Desactivado y ya sale bien. ¡Gracias!"),
        ], Escalates: true, Country: "es"),
    ];
}
