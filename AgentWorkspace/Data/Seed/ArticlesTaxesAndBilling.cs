using AgentWorkspace.Features.KnowledgeBase;

namespace AgentWorkspace.Data.Seed;

/// <summary>Help articles about VAT, the Nimbus subscription and invoices.</summary>
internal static class ArticlesTaxesAndBilling
{
    public static readonly ArticleSeed[] All =
    [
        new("en", "charge-vat-in-the-eu", "shipping-taxes", ArticleStatus.Published, 140,
        [
            new("Charge VAT to customers in the EU", "vat, eu, oss, taxes, europe, tax rates",
                """
                If you sell to consumers in other EU countries and your cross-border sales pass the yearly threshold, you charge VAT at the **customer's country rate**. Nimbus works out the right rate at checkout.

                ## Turn it on

                1. Go to **Settings → Taxes → European Union**.
                2. Turn on **Charge VAT based on customer location**.
                3. If you're registered for the **One-Stop Shop (OSS)**, enter your number. It will appear on every invoice.
                4. Click **Save**.

                ## Business customers

                Turn on **Collect VAT numbers at checkout**. When a business in another EU country enters a valid number, VAT is removed and the invoice says *Reverse charge*.

                ## Good to know

                - Nimbus calculates and shows the tax, but **you** file the returns.
                - Download the quarterly report from **Analytics → Reports → Taxes** for your OSS return.

                Not sure whether you pass the threshold? Ask your accountant before switching on.
                """),
        ], Pair: "vat"),

        new("es", "cobrar-el-iva-en-la-ue", "shipping-taxes", ArticleStatus.InReview, 9,
        [
            new("Cobrar el IVA a clientes de la UE", "iva, ue, ventanilla única, oss, impuestos, europa",
                """
                Si vendes a particulares de otros países de la UE y superas el umbral anual de ventas a distancia, debes cobrar el IVA **del país del cliente**. Nimbus calcula el tipo correcto en el checkout.

                ## Activarlo

                1. Ve a **Configuración → Impuestos → Unión Europea**.
                2. Activa **Cobrar el IVA según la ubicación del cliente**.
                3. Si estás en la **Ventanilla Única (OSS)**, añade tu número. Aparecerá en todas las facturas.
                4. Pulsa **Guardar**.

                ## Clientes empresa

                Activa **Pedir el NIF-IVA en el checkout**. Cuando una empresa de otro país de la UE introduce un número válido, no se cobra el IVA y la factura indica *Inversión del sujeto pasivo*.

                ## A tener en cuenta

                - Nimbus calcula y muestra el impuesto, pero las declaraciones las presentas **tú**.
                - Descarga el informe trimestral en **Estadísticas → Informes → Impuestos**.

                ¿No sabes si superas el umbral? Consúltalo con tu gestoría antes de activarlo.
                """),
        ], Pair: "vat"),

        new("en", "change-or-cancel-your-plan", "plans-invoices", ArticleStatus.Published, 165,
        [
            new("Change or cancel your plan", "plan, subscription, upgrade, downgrade, cancel, starter, grow",
                """
                You can move between **Starter**, **Grow** and **Pro** at any time.

                ## Change plan

                1. Go to **Settings → Plan**.
                2. Click **Change plan** and choose the new one.
                3. Choose **Now** or **At the end of this billing period**.

                **Upgrading** takes effect immediately; you pay the difference for the days left. **Downgrading** can wait until the end of the period so you keep what you paid for.

                Before downgrading, check the limits of the new plan, for example the number of staff accounts. Nothing is deleted: features above your plan are simply switched off.

                ## Cancel

                1. Go to **Settings → Plan → Cancel subscription**.
                2. Tell us why (optional, but it helps us improve).
                3. Confirm with your password.

                Your store closes at the end of the paid period. We keep your data for **90 days** in case you come back.
                """),
        ], Pair: "plan"),

        new("es", "cambiar-o-cancelar-tu-plan", "plans-invoices", ArticleStatus.Published, 120,
        [
            new("Cambiar o cancelar tu plan", "plan, suscripción, cambiar plan, cancelar, anual, mensual",
                """
                Puedes pasar de **Starter** a **Grow** o **Pro**, o al revés, cuando quieras.

                ## Cambiar de plan

                1. Ve a **Configuración → Plan**.
                2. Pulsa **Cambiar plan** y elige el nuevo.
                3. Elige **Ahora** o **Al final del periodo de facturación**.

                Si **subes** de plan, el cambio es inmediato y pagas la diferencia de los días que quedan. Si **bajas**, puedes esperar al final del periodo para aprovechar lo que ya pagaste.

                Con la **facturación anual** te ahorras dos meses; lo que te quede del mes en curso se descuenta del primer cobro.

                ## Cancelar

                1. Ve a **Configuración → Plan → Cancelar suscripción**.
                2. Cuéntanos el motivo (opcional).
                3. Confirma con tu contraseña.

                La tienda se cierra al terminar el periodo pagado y guardamos tus datos **90 días** por si vuelves.
                """),
        ], Pair: "plan"),

        new("en", "download-your-invoices", "plans-invoices", ArticleStatus.Published, 155,
        [
            new("Download your Nimbus invoices", "invoice, billing, receipt, download, pdf",
                """
                Every charge for your plan and apps comes with an invoice.

                1. Go to **Settings → Billing → Invoices**.
                2. Click an invoice to open it, or **Download PDF**.

                Invoices are also emailed to the account owner.
                """),
            new("Download your Nimbus invoices", "invoice, billing, receipt, download, pdf, vat number, company details",
                """
                Every charge for your plan, apps and shipping labels comes with an invoice.

                ## Download

                1. Go to **Settings → Billing → Invoices**.
                2. Click an invoice to open it, or **Download PDF**.
                3. To get a year at once, choose the year and click **Download all (ZIP)**.

                Invoices are also emailed to the account owner and to the **Billing email**, if you set one.

                ## Add your company details

                Enter your **Company name**, **Address** and **VAT number** under **Settings → Billing → Billing details**. They appear on every invoice from then on.

                Need an older invoice with the new details? Contact us and we'll reissue it.
                """, "Added bulk download and company details"),
        ]),

        new("es", "datos-fiscales-en-tus-facturas", "plans-invoices", ArticleStatus.Published, 70,
        [
            new("Añadir tus datos fiscales a las facturas", "factura, datos fiscales, nif, rfc, razón social, cfdi",
                """
                Para que las facturas de Nimbus salgan a nombre de tu empresa, añade tus datos fiscales.

                ## Pasos

                1. Ve a **Configuración → Facturación → Datos de facturación**.
                2. Rellena **Razón social** y **Dirección fiscal**.
                3. Añade tu identificador fiscal: **NIF** en España o **RFC** en México.
                4. En México, elige también el **Uso del CFDI** y el **Régimen fiscal**.
                5. Pulsa **Guardar**.

                Los datos se aplican a las facturas nuevas. Si necesitas que reemitamos alguna anterior, escríbenos indicando el mes.

                ## Otro correo para las facturas

                Si tu gestoría lleva la contabilidad, añade su dirección en **Correo de facturación**. Recibirá una copia de cada factura en PDF en cuanto se emita, sin necesidad de darle acceso a tu tienda.
                """),
        ]),
    ];
}
