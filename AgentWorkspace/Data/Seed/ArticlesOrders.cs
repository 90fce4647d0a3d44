using AgentWorkspace.Features.KnowledgeBase;

namespace AgentWorkspace.Data.Seed;

/// <summary>Help articles about refunds, returns and shipping.</summary>
internal static class ArticlesOrders
{
    public static readonly ArticleSeed[] All =
    [
        new("en", "issue-a-refund", "orders-returns", ArticleStatus.Published, 160,
        [
            new("Issue a full or partial refund", "refund, return, partial refund, money back",
                """
                You can give money back for a whole order or for some of its items.

                ## Steps

                1. Open **Orders** and click the order.
                2. Click **Refund**.
                3. Choose the quantity of each item to refund, and whether to refund shipping.
                4. Click **Refund** to confirm.

                The customer receives an email with the amount.
                """),
            new("Issue a full or partial refund", "refund, return, partial refund, money back, refund window, restock",
                """
                You can give money back for a whole order or for some of its items, and put returned items back in stock.

                ## Steps

                1. Open **Orders** and click the order.
                2. Click **Refund**.
                3. Choose the quantity of each item to refund, and whether to refund shipping.
                4. Tick **Restock items** if they can be sold again.
                5. Click **Refund** to confirm.

                The customer receives an email with the amount.

                ## How long do I have?

                - **Card payments:** up to **12 months** after the payment
                - **PayPal:** up to **180 days** after the payment
                - **Bank transfer:** refunds aren't automatic; send the money from your bank and click **Mark as refunded**

                Refunds reach the customer's account in **5–10 business days**, depending on their bank. Nimbus fees on the original payment are not returned.
                """, "Clarified the refund window for each payment method"),
        ], Pair: "refund"),

        new("es", "hacer-un-reembolso", "orders-returns", ArticleStatus.Published, 110,
        [
            new("Hacer un reembolso total o parcial", "reembolso, devolución, reembolso parcial, devolver dinero",
                """
                Puedes devolver el dinero de un pedido completo o solo de algunos artículos, y volver a poner en stock lo devuelto.

                ## Pasos

                1. Abre **Pedidos** y entra en el pedido.
                2. Pulsa **Reembolsar**.
                3. Elige la cantidad de cada artículo y si quieres devolver también el envío.
                4. Marca **Reponer artículos** si se pueden volver a vender.
                5. Pulsa **Reembolsar** para confirmar.

                El cliente recibe un correo con el importe.

                ## ¿Cuánto tiempo tengo?

                - **Tarjeta:** hasta **12 meses** después del pago
                - **PayPal:** hasta **180 días** después del pago
                - **Transferencia:** el reembolso no es automático; haz la transferencia desde tu banco y pulsa **Marcar como reembolsado**

                El dinero llega a la cuenta del cliente en **5 a 10 días hábiles**, según su banco. Las comisiones de Nimbus del pago original no se devuelven.
                """),
        ], Pair: "refund"),

        new("en", "set-up-shipping-zones-and-rates", "shipping-taxes", ArticleStatus.Published, 175,
        [
            new("Set up shipping zones and rates", "shipping, zones, rates, free shipping, weight, countries",
                """
                A **shipping zone** is a group of countries or regions that share the same rates. Customers only see the rates of the zone their address belongs to.

                ## Create a zone

                1. Go to **Settings → Shipping → Create zone**.
                2. Give it a name customers won't see, like *Europe*.
                3. Add the countries or regions.

                ## Add rates

                1. In the zone, click **Add rate**.
                2. Choose **Flat rate**, **Weight-based** or **Carrier calculated**.
                3. For weight-based rates, set the **Min** and **Max** weight for each price.
                4. Click **Save**.

                **Tip:** to offer free shipping above an amount, add a rate of **0.00** with the condition **Order total is at least**.

                If customers see *No shipping options available*, check that their country is in a zone and that your products have a weight.
                """),
        ], Pair: "shipping"),

        new("es", "configurar-zonas-y-tarifas-de-envio", "shipping-taxes", ArticleStatus.Published, 130,
        [
            new("Configurar zonas y tarifas de envío", "envío, zonas, tarifas, envío gratis, peso, países",
                """
                Una **zona de envío** es un grupo de países o regiones con las mismas tarifas. El cliente solo ve las tarifas de la zona de su dirección.

                ## Crear una zona

                1. Ve a **Configuración → Envíos → Crear zona**.
                2. Ponle un nombre interno, por ejemplo *Península*.
                3. Añade los países, provincias o estados.

                ## Añadir tarifas

                1. Dentro de la zona, pulsa **Añadir tarifa**.
                2. Elige **Tarifa fija**, **Según peso** o **Calculada por el transportista**.
                3. En las tarifas por peso, indica el peso **Mínimo** y **Máximo** de cada precio.
                4. Pulsa **Guardar**.

                Si un cliente ve *No hay opciones de envío disponibles*, revisa que su país esté en alguna zona y que los productos tengan peso.
                """),
        ], Pair: "shipping"),

        new("en", "print-shipping-labels", "shipping-taxes", ArticleStatus.Published, 80,
        [
            new("Print shipping labels", "labels, shipping, print, bulk, carrier, fulfil",
                """
                Buy discounted postage and print labels without leaving Nimbus.

                ## One order

                1. Open the order and click **Create shipping label**.
                2. Check the **Package** size and weight.
                3. Pick a **Service** and click **Buy label**.
                4. Click **Print**. The order is marked as fulfilled and the customer gets the tracking number.

                ## Many orders at once

                1. In **Orders**, filter by **Unfulfilled**.
                2. Select the orders and click **Create shipping labels**.
                3. Review the packages and click **Buy labels**.

                You'll get a single PDF with every label, ready for a 4 × 6 in label printer or A4 paper.

                Bought the wrong label? Click **Void label** within **28 days** and the postage is credited back.
                """),
        ]),

        new("es", "recogida-en-tienda", "shipping-taxes", ArticleStatus.Published, 60,
        [
            new("Ofrecer recogida en tienda", "recogida, tienda física, local, sin envío, click and collect",
                """
                Si tienes local o taller, tus clientes pueden comprar online y pasar a recoger el pedido sin pagar envío.

                ## Activarla

                1. Ve a **Configuración → Envíos → Recogida en tienda**.
                2. Activa **Ofrecer recogida** en la ubicación que quieras.
                3. Escribe las **Instrucciones de recogida**: horario, dónde aparcar, qué documento traer.
                4. Pulsa **Guardar**.

                En el checkout aparecerá **Recoger en** seguido del nombre de tu tienda, sin coste.

                ## Cuando el pedido está listo

                Abre el pedido y pulsa **Marcar como listo para recoger**. El cliente recibe un correo con tus instrucciones. Cuando lo recoja, pulsa **Marcar como recogido**.
                """),
        ]),

        new("es", "envio-gratis-a-partir-de-un-importe", "shipping-taxes", ArticleStatus.Draft, 6,
        [
            new("Envío gratis a partir de un importe", "envío gratis, importe mínimo, promoción, carrito",
                """
                El envío gratis a partir de cierto importe anima a añadir un producto más al carrito.

                ## Configurarlo

                1. Ve a **Configuración → Envíos** y abre la zona.
                2. Pulsa **Añadir tarifa** y llámala, por ejemplo, *Envío gratis*.
                3. Pon el precio en **0,00**.
                4. En **Condiciones**, elige **Total del pedido mínimo** e indica el importe, por ejemplo **50,00 €**.

                Tus tarifas de pago siguen apareciendo para los pedidos por debajo del importe. Si tienes varias zonas, repite los pasos en cada una: el importe mínimo puede ser distinto en cada zona.

                *Pendiente: explicar cómo mostrar la barra de "te faltan X € para el envío gratis" sin código.*
                """),
        ]),
    ];
}
