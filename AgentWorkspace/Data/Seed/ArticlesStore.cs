using AgentWorkspace.Features.KnowledgeBase;

namespace AgentWorkspace.Data.Seed;

/// <summary>Help articles about setting up the store, products and domains.</summary>
internal static class ArticlesStore
{
    public static readonly ArticleSeed[] All =
    [
        new("en", "connect-a-custom-domain", "domains", ArticleStatus.Published, 150,
        [
            new("Connect a custom domain", "domain, dns, custom domain, a record",
                """
                Your store starts on a free `yourstore.nimbus.test` address. You can connect a domain you already own so customers find you at your own name.

                ## Connect the domain

                1. In your admin, open **Settings → Domains**.
                2. Click **Connect existing domain** and type the domain, for example `myshop.com`.
                3. At your domain provider, create an **A record** for `@` pointing to `203.0.113.40`.
                4. Back in Nimbus, click **Verify connection**.

                Changes at your provider can take up to 48 hours to spread, though most connect within an hour.
                """),
            new("Connect a custom domain", "domain, dns, custom domain, a record, cname, www, ssl",
                """
                Your store starts on a free `yourstore.nimbus.test` address. You can connect a domain you already own so customers find you at your own name.

                ## Connect the domain

                1. In your admin, open **Settings → Domains**.
                2. Click **Connect existing domain** and type the domain, for example `myshop.com`.
                3. At your domain provider, create these two records:
                   - an **A record** for `@` pointing to `203.0.113.40`
                   - a **CNAME record** for `www` pointing to `shops.nimbus.test`
                4. Back in Nimbus, click **Verify connection**.

                ## Secure connection (SSL)

                Nimbus issues a free SSL certificate once **both** records point to us. Until then, browsers may show **Not secure**. The certificate request retries every 30 minutes, so there is nothing else to do.

                Changes at your provider can take up to 48 hours to spread, though most connect within an hour.
                """, "Added the www record and explained when the SSL certificate is issued"),
        ], Pair: "domain"),

        new("es", "conectar-un-dominio-propio", "domains", ArticleStatus.Published, 120,
        [
            new("Conectar un dominio propio", "dominio, dns, dominio propio, registro a, cname, ssl",
                """
                Tu tienda empieza con una dirección gratuita `tutienda.nimbus.test`. Si ya tienes un dominio, puedes conectarlo para que tus clientes te encuentren con tu propio nombre.

                ## Conectar el dominio

                1. En el panel, abre **Configuración → Dominios**.
                2. Pulsa **Conectar un dominio existente** y escribe el dominio, por ejemplo `mitienda.es`.
                3. En tu proveedor de dominios, crea estos dos registros:
                   - un **registro A** para `@` que apunte a `203.0.113.40`
                   - un **registro CNAME** para `www` que apunte a `shops.nimbus.test`
                4. Vuelve a Nimbus y pulsa **Verificar conexión**.

                ## Conexión segura (SSL)

                Nimbus emite un certificado SSL gratuito en cuanto **los dos** registros apuntan a nosotros. Mientras tanto, el navegador puede mostrar **No seguro**. No tienes que hacer nada más: lo reintentamos cada 30 minutos.

                Los cambios de DNS pueden tardar hasta 48 horas, aunque casi siempre funcionan en menos de una hora.
                """),
        ], Pair: "domain"),

        new("en", "add-your-first-product", "store-setup", ArticleStatus.Published, 170,
        [
            new("Add your first product", "product, catalog, price, photos, inventory, variants",
                """
                Products are what your customers browse and buy. Here's how to add one in a couple of minutes.

                ## Steps

                1. Go to **Products → Add product**.
                2. Enter a **Title** and a **Description**. Short paragraphs and bullet points read best on phones.
                3. Drag your photos into **Media**. Square images of at least 1200 × 1200 px look sharp everywhere.
                4. Set the **Price**. Use **Compare-at price** to show a sale.
                5. Under **Inventory**, enter a **SKU** and the **Quantity** you have in stock.
                6. Under **Shipping**, enter the **Weight** so shipping rates can be calculated.
                7. Click **Save**, then switch **Status** to **Active** to show it in your store.

                ## Products with options

                If a product comes in sizes or colours, click **Add options like size or colour** before saving. Each combination becomes a **variant** with its own price, SKU and stock.
                """),
        ], Pair: "product"),

        new("es", "anadir-tu-primer-producto", "store-setup", ArticleStatus.Published, 140,
        [
            new("Añadir tu primer producto", "producto, catálogo, precio, fotos, inventario, variantes",
                """
                Los productos son lo que tus clientes ven y compran. Así añades uno en un par de minutos.

                ## Pasos

                1. Ve a **Productos → Añadir producto**.
                2. Escribe un **Título** y una **Descripción**. Los párrafos cortos y las listas se leen mejor en el móvil.
                3. Arrastra las fotos a **Multimedia**. Las imágenes cuadradas de al menos 1200 × 1200 px se ven nítidas en todas partes.
                4. Indica el **Precio**. Usa **Precio de comparación** para mostrar una rebaja.
                5. En **Inventario**, añade el **SKU** y la **Cantidad** disponible.
                6. En **Envío**, indica el **Peso** para que se calculen las tarifas.
                7. Pulsa **Guardar** y cambia el **Estado** a **Activo** para mostrarlo en la tienda.

                ## Productos con opciones

                Si el producto tiene tallas o colores, pulsa **Añadir opciones como talla o color** antes de guardar. Cada combinación será una **variante** con su propio precio, SKU y stock.
                """),
        ], Pair: "product"),

        new("en", "dns-records-reference", "domains", ArticleStatus.Draft, 12,
        [
            new("DNS records reference (advanced)", "dns, mx, txt, spf, dkim, email, records",
                """
                This page lists every DNS record Nimbus may ask you to create, and what each one does. Most stores only need the first two.

                | Record | Name | Value | Why |
                |--------|------|-------|-----|
                | A | `@` | `203.0.113.40` | Points your main domain at your store |
                | CNAME | `www` | `shops.nimbus.test` | Points the www address at your store |
                | TXT | `@` | `nimbus-verify=…` | Proves you own the domain |
                | TXT | `@` | `v=spf1 include:mail.nimbus.test ~all` | Lets us send order emails from your domain |
                | CNAME | `nimbus._domainkey` | `dkim.nimbus.test` | Signs those emails so they avoid spam folders |

                ## Keep your email working

                Don't delete your existing **MX records**: they deliver your mailbox, and Nimbus never needs them changed.

                *TODO: add screenshots for the three most common providers.*
                """),
        ]),

        new("en", "import-products-from-csv", "store-setup", ArticleStatus.Published, 95,
        [
            new("Import products from a CSV file", "import, csv, spreadsheet, bulk, products, migrate",
                """
                Moving from another platform or managing your catalogue in a spreadsheet? You can import hundreds of products at once.

                ## Prepare the file

                1. Go to **Products → Import** and click **Download template**.
                2. Fill one row per variant. Rows with the same **Handle** belong to the same product.
                3. Put image links in **Image URL**. They must start with `https://` and be publicly reachable.
                4. Save the file as **CSV (UTF-8)** so accents and symbols survive.

                ## Import

                1. Go back to **Products → Import** and choose your file.
                2. Tick **Overwrite products with the same handle** if you're updating existing items.
                3. Click **Upload and preview**, check the first rows, then **Import products**.

                You'll get an email when the import finishes. Rows with errors are listed in the email with the reason, so you can fix and re-import just those.
                """),
        ]),
    ];
}
