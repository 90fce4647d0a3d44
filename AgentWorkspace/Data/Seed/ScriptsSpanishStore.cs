using AgentWorkspace.Features.Tickets;
using static AgentWorkspace.Data.Seed.Say;

namespace AgentWorkspace.Data.Seed;

/// <summary>Conversaciones en español sobre pedidos, envíos, la tienda, dominios, cuenta e integraciones.</summary>
internal static class ScriptsSpanishStore
{
    public static readonly ConversationScript[] All =
    [
        new("es", "Domains", "Mi dominio no carga después de conectarlo", TicketPriority.Normal, ["dns"],
        [
            C("Hola, conecté {domain} hace dos días y sigue saliendo la página de mi antiguo proveedor. ¿Qué me falta?"),
            N("DNS: el registro A de la raíz sigue apuntando a la IP del hosting anterior. El CNAME de www está bien.", Progress),
            A("""
              Hola, {name}. Casi lo tienes: el subdominio `www` ya apunta a Nimbus, pero el dominio raíz todavía apunta a tu proveedor anterior. En el panel de tu registrador cambia este registro:

              | Tipo | Nombre | Valor |
              |------|--------|-------|
              | A | @ | 203.0.113.40 |

              ¿Me avisas cuando lo cambies? Reviso que todo esté correcto.
              """, Waiting),
            C("Ya está cambiado."),
            A("Perfecto, ya veo el cambio. Los DNS pueden tardar unas horas en propagarse; en cuanto se actualicen, el certificado SSL se emitirá solo.", Hold),
            A("Confirmado: {domain} ya carga tu tienda de Nimbus y tiene el candado de conexión segura. ¡Listo!"),
            C("¡Mil gracias!"),
        ]),

        new("es", "Account", "No recibo el código de verificación por SMS", TicketPriority.Urgent, ["2fa", "account-access"],
        [
            C("No me llega el **código SMS** para entrar en mi cuenta. Lo he pedido cinco veces. Tengo pedidos pendientes de enviar hoy."),
            N("El proveedor de SMS marca el número como 'bloqueado por el operador' (filtro antispam). Ofrecer códigos de respaldo o verificación de identidad.", Progress),
            A("""
              Hola, {name}. Parece que tu operador está bloqueando nuestros SMS. Tienes dos opciones para entrar ahora:

              1. Usar uno de tus **códigos de respaldo** (los que guardaste al activar la verificación en dos pasos)
              2. Si no los tienes, completar la **verificación de identidad** con el enlace que te acabo de enviar por correo

              ¿Conservas los códigos de respaldo?
              """, Waiting),
            C("No los encuentro, hago la verificación de identidad."),
            N("Verificación de identidad superada. Cambiado el método de 2FA a app de autenticación a petición del cliente."),
            A("""
              Listo, {name}: la verificación se ha completado y ya puedes entrar. Te recomiendo cambiar a una **app de autenticación** (más fiable que el SMS):

              - **Configuración → Seguridad → Verificación en dos pasos → Usar una app**

              Y guarda los nuevos códigos de respaldo en un lugar seguro.
              """),
            C("Ya he entrado y he configurado la app. ¡Gracias!"),
        ]),

        new("es", "Shipping", "Configurar envíos a Canarias", TicketPriority.Normal, ["shipping", "taxes"],
        [
            C("Hola. Quiero vender también a **Canarias**, pero allí no se cobra IVA y el envío es más caro. ¿Cómo lo configuro?"),
            A("""
              Hola, {name}. Lo mejor es crear una zona propia:

              1. Ve a **Configuración → Envíos → Crear zona**
              2. Llámala «Canarias» y añade las provincias **Las Palmas** y **Santa Cruz de Tenerife**
              3. Añade la tarifa que quieras cobrar

              Para los impuestos, en **Configuración → Impuestos → España** marca **Excluir Canarias, Ceuta y Melilla del IVA**. Ten en cuenta que tus clientes pueden tener que pagar el IGIC y los trámites de aduana al recibir el paquete; conviene avisarlo en la ficha de envío.
              """),
            C("Muy claro. ¿Y puedo poner un texto de aviso en el checkout?"),
            A("Sí: en la tarifa de Canarias rellena el campo **Descripción**; aparece debajo del nombre del envío en el checkout."),
            C("Perfecto, gracias."),
        ], Country: "es"),

        new("es", "Orders", "Un cliente quiere devolver un pedido", TicketPriority.Normal, ["refund", "returns"],
        [
            C("Una clienta quiere devolver el pedido {order} porque la talla no le queda bien. ¿Cómo gestiono la devolución y el reembolso?"),
            A("""
              Hola, {name}. Desde el pedido puedes hacerlo todo:

              1. Abre el pedido {order} y pulsa **Crear devolución**
              2. Elige los artículos y el motivo (**Talla incorrecta**)
              3. Si quieres, genera una **etiqueta de devolución** para enviársela a la clienta
              4. Cuando recibas el paquete, pulsa **Reembolsar**

              ¿Quieres cobrarle el coste del envío de vuelta o lo asumes tú?
              """, Waiting),
            C("Lo asumo yo, es buena clienta."),
            A("Entonces deja **Descontar envío de devolución** en 0. La clienta recibirá la etiqueta por correo y el reembolso completo cuando marques el paquete como recibido."),
            C("Genial, hecho."),
        ]),

        new("es", "Integrations", "La app de Mercado Libre no sincroniza el stock", TicketPriority.High, ["integration", "bug"],
        [
            C("Desde el lunes el stock no se actualiza en Mercado Libre. Vendí allí un producto agotado y ahora tengo que cancelar la venta, lo que baja mi reputación. 😞"),
            A("Hola, {name}. Lo siento mucho. ¿Me indicas el SKU del producto y si en la app aparece algún aviso en **Apps → Mercado Libre → Registro**?", Waiting),
            C("SKU TAZA-0042. En el registro sale «token expirado» en rojo."),
            N("El token OAuth de ML caduca a los 6 meses; la renovación automática falló por un cambio de scopes en la app. Afecta a varias tiendas: escalado a nivel 2 e integraciones.", Progress),
            A("""
              Gracias, eso lo explica. La conexión con Mercado Libre caducó y no se renovó sola. Para recuperarla ahora:

              1. Ve a **Apps → Mercado Libre → Conexión**
              2. Pulsa **Volver a conectar** e inicia sesión en Mercado Libre

              Nuestro equipo de integraciones está corrigiendo la renovación automática para que no vuelva a pasar. Te aviso cuando esté.
              """, Hold),
            C("Reconectado y el stock ya cuadra. Gracias."),
            A("La corrección ya está publicada: la conexión se renovará sola a partir de ahora. ¡Gracias por tu paciencia, {name}!"),
        ], Escalates: true, Country: "mx"),

        new("es", "Store builder", "Cambiar el logo y los colores de la tienda", TicketPriority.Low, ["theme"],
        [
            C("Hola, tengo un logo nuevo y quiero cambiar también los colores de la tienda para que combinen. ¿Dónde se hace?"),
            A("""
              Hola, {name}. Todo está en el editor del tema:

              1. Ve a **Tienda online → Temas → Personalizar**
              2. En **Cabecera**, pulsa **Logo** y sube el nuevo (mejor PNG con fondo transparente)
              3. En **Ajustes del tema → Colores** elige el color principal y el de los botones
              4. Pulsa **Guardar**

              Puedes ver los cambios antes de publicarlos con **Vista previa**.
              """),
            C("¡Queda precioso! Gracias."),
        ]),

        new("es", "Account", "Cambiar el correo del propietario de la cuenta", TicketPriority.Normal, ["account"],
        [
            C("Vendí mi parte del negocio a mi socia y ella tiene que ser ahora la **propietaria** de la tienda {shop}. ¿Cómo lo cambiamos?"),
            A("""
              Hola, {name}. El cambio de propietario se hace en dos pasos:

              1. Tu socia debe tener una cuenta de personal en la tienda (**Configuración → Personal**)
              2. Luego, en **Configuración → Personal → Transferir propiedad**, eliges su cuenta y confirmas con tu contraseña

              Por seguridad, ella recibirá un correo para aceptar. ¿Ya tiene cuenta de personal?
              """, Waiting),
            C("Sí, ya la tiene. Acabo de hacer la transferencia."),
            N("Transferencia pendiente de aceptar por la nueva propietaria. Caduca en 72 h.", Progress),
            A("Veo la transferencia pendiente. En cuanto tu socia acepte desde el correo, la cuenta pasará a su nombre y tú quedarás como personal (si quieres, luego puede eliminarte)."),
            C("Ya lo ha aceptado. Todo bien, gracias."),
        ]),

        new("es", "Orders", "Pedidos duplicados en el panel", TicketPriority.Normal, ["orders", "bug"],
        [
            C("Me aparecen pedidos **duplicados** en el panel: {order} y el siguiente tienen el mismo cliente, los mismos productos y la misma hora. El cliente solo pagó una vez."),
            N("Webhook del proveedor de pagos entregado dos veces (reintento tras timeout); el segundo creó un pedido sin pago. Ya corregido en la versión de hoy.", Progress),
            A("""
              Hola, {name}. Tienes razón: un fallo de comunicación con el proveedor de pagos hizo que se creara un segundo pedido **sin pago**. Ya está corregido.

              Para limpiar el duplicado: abre el segundo pedido, pulsa **Más acciones → Cancelar pedido** y desmarca **Enviar correo al cliente** para no confundirle.
              """),
            C("Cancelado. Gracias por la explicación."),
        ]),
    ];
}
