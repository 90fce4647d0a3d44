using AgentWorkspace.Features.KnowledgeBase;

namespace AgentWorkspace.Data.Seed;

/// <summary>Help articles about signing in, two-factor authentication, apps and API keys.</summary>
internal static class ArticlesAccount
{
    public static readonly ArticleSeed[] All =
    [
        new("en", "turn-on-two-factor-authentication", "login-2fa", ArticleStatus.Published, 172,
        [
            new("Turn on two-factor authentication", "2fa, two-factor, security, authenticator, login, backup codes",
                """
                Two-factor authentication (2FA) asks for a one-time code after your password, so a stolen password alone can't open your store.

                ## Set it up

                1. Go to **Settings → Security → Two-factor authentication**.
                2. Choose **Authenticator app** (recommended) or **Text message**.
                3. For an app, scan the QR code with your authenticator and type the 6-digit code it shows.
                4. **Save your backup codes.** Print them or keep them in a password manager, not on the same phone.

                ## Good habits

                - Prefer an **app** over text messages: some mobile carriers block or delay SMS codes.
                - Every staff member sets up their own 2FA. Store owners can require it under **Settings → Staff → Security**.
                - Lost your phone? See *Lost access to your two-factor device*.
                """),
        ], Pair: "2fa"),

        new("es", "activar-la-verificacion-en-dos-pasos", "login-2fa", ArticleStatus.Published, 128,
        [
            new("Activar la verificación en dos pasos", "2fa, verificación en dos pasos, seguridad, app autenticadora, códigos de respaldo",
                """
                La verificación en dos pasos pide un código de un solo uso después de la contraseña. Así, aunque alguien robe tu contraseña, no podrá entrar en tu tienda.

                ## Configurarla

                1. Ve a **Configuración → Seguridad → Verificación en dos pasos**.
                2. Elige **App de autenticación** (recomendado) o **SMS**.
                3. Si eliges app, escanea el código QR y escribe el código de 6 dígitos que aparece.
                4. **Guarda los códigos de respaldo** en papel o en un gestor de contraseñas, no en el mismo móvil.

                ## Buenas prácticas

                - Mejor una **app** que el SMS: algunos operadores bloquean o retrasan los mensajes.
                - Cada persona del equipo activa su propia verificación. Puedes hacerla obligatoria en **Configuración → Personal → Seguridad**.
                """),
        ], Pair: "2fa"),

        new("en", "lost-two-factor-device", "login-2fa", ArticleStatus.Published, 85,
        [
            new("Lost access to your two-factor device", "2fa, lost phone, locked out, backup codes, recovery",
                """
                If your phone was lost, stolen or reset, you can still get back into your account.

                ## If you have your backup codes

                1. On the sign-in page, enter your email and password.
                2. When asked for the code, click **Use a backup code**.
                3. Enter one of your codes. Each works once.
                4. Go to **Settings → Security** and set up 2FA on your new phone.

                ## If you don't

                Contact support **from the account owner's email address**. For your safety we will:

                1. Send you an **identity check** link (a photo of your ID and a selfie).
                2. Remove 2FA once the check passes, usually within 30 minutes.
                3. Sign out every other session on your account.

                We never remove two-factor after a phone call or chat alone, even if you know the account details.
                """),
        ]),

        new("es", "cambiar-el-correo-de-acceso", "login-2fa", ArticleStatus.Published, 75,
        [
            new("Cambiar el correo de acceso", "correo, email, cuenta, cambiar correo, propietario",
                """
                El correo de acceso es el que usas para iniciar sesión y donde recibes los avisos de seguridad.

                ## Cambiarlo

                1. Ve a **Tu perfil** (arriba a la derecha) → **Correo electrónico**.
                2. Escribe el nuevo correo y confirma con tu contraseña.
                3. Abre el enlace que te enviamos al **nuevo** correo. Hasta entonces, el antiguo sigue funcionando.

                Por seguridad, también avisamos al correo antiguo del cambio.

                ## ¿Quieres cambiar el propietario de la tienda?

                No es lo mismo. Para que otra persona sea la propietaria, añádela como personal y usa **Configuración → Personal → Transferir propiedad**. La otra persona tendrá que aceptar desde su correo.
                """),
        ]),

        new("en", "create-an-api-key", "apps-api", ArticleStatus.InReview, 8,
        [
            new("Create an API key", "api, key, token, developers, admin api, integration",
                """
                API keys let your own software, such as an ERP or a warehouse system, read and change data in your store through the **Admin API**.

                ## Create a key

                1. Go to **Settings → Apps → Develop apps**.
                2. Click **Create API key** and give it a name you'll recognise.
                3. Tick only the **scopes** it needs, for example **Read orders** and **Write inventory**.
                4. Click **Create** and copy the key. **It is shown only once.**

                ## Keep it safe

                - Store the key in your server's secret settings, never in website code.
                - Create one key per system, so you can revoke one without breaking the others.
                - Revoke a key under **Develop apps → Keys → Revoke** as soon as it's no longer used.

                The API allows **120 requests per minute** per store. Read more at https://developers.nimbus.test/admin-api.
                """),
        ]),

        new("en", "install-and-manage-apps", "apps-api", ArticleStatus.Published, 110,
        [
            new("Install and manage apps", "apps, integrations, install, uninstall, permissions, marketplace",
                """
                Apps add features to your store: marketplaces, accounting, reviews, email marketing and more.

                ## Install an app

                1. Go to **Apps → Browse the app store**.
                2. Open the app and read what **data it can access**.
                3. Click **Install** and approve the permissions.

                Paid apps are added to your Nimbus invoice.

                ## If an app stops working

                1. Open **Apps**, click the app and check its **Activity log** for errors.
                2. If you see *token expired* or *reconnect*, click **Reconnect**.
                3. Still stuck? Contact the app's developer from the **Support** link on the app page.

                ## Remove an app

                Click the app, then **Uninstall**. Anything the app added to your theme is removed too, and billing stops at the end of the day.
                """),
        ], Pair: "apps"),

        new("es", "instalar-y-gestionar-apps", "apps-api", ArticleStatus.Published, 90,
        [
            new("Instalar y gestionar apps", "apps, integraciones, instalar, desinstalar, permisos, marketplace",
                """
                Las apps añaden funciones a tu tienda: marketplaces, facturación, reseñas, email marketing y mucho más.

                ## Instalar una app

                1. Ve a **Apps → Explorar la tienda de apps**.
                2. Abre la app y revisa **a qué datos puede acceder**.
                3. Pulsa **Instalar** y acepta los permisos.

                Las apps de pago se añaden a tu factura de Nimbus.

                ## Si una app deja de funcionar

                1. Abre **Apps**, entra en la app y revisa el **Registro de actividad**.
                2. Si ves *token expirado* o *volver a conectar*, pulsa **Volver a conectar**.
                3. Si sigue sin funcionar, escribe al desarrollador desde el enlace **Soporte** de la app.

                ## Desinstalar

                Entra en la app y pulsa **Desinstalar**. Lo que la app añadió al tema se elimina y deja de cobrarse al final del día.
                """),
        ], Pair: "apps"),
    ];
}
