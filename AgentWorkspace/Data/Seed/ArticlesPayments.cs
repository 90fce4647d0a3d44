using AgentWorkspace.Features.KnowledgeBase;

namespace AgentWorkspace.Data.Seed;

/// <summary>Help articles about payments and payouts, plus the agent-only policies behind them.</summary>
internal static class ArticlesPayments
{
    public static readonly ArticleSeed[] All =
    [
        new("en", "when-will-i-get-my-payout", "payments-payouts", ArticleStatus.Published, 178,
        [
            new("When will I receive my payout?", "payout, bank, transfer, pending, schedule",
                """
                Money from your sales is sent to your bank account in **payouts**.

                - Payments are grouped by day and paid out **2 business days** later.
                - Your first payout can take up to **7 days** while we verify your account.

                See your payouts under **Finances → Payouts**.
                """),
            new("When will I receive my payout?", "payout, bank, transfer, pending, schedule, hold, verification, weekend",
                """
                Money from your sales is sent to your bank account in **payouts**.

                ## The schedule

                - Payments are grouped by day and paid out **2 business days** later.
                - Sales made on Saturday and Sunday are paid out together on **Tuesday**.
                - Your first payout can take up to **7 days** while we verify your account.

                See every payout and the orders it contains under **Finances → Payouts**.

                ## Why is my payout on hold?

                Sometimes a payout waits for a **verification**. This happens automatically, for example after a sudden jump in sales or a change of bank account. You'll get an email explaining what we need, usually:

                1. A photo of the account owner's ID
                2. A recent bank statement in the owner's name

                Upload them under **Settings → Payments → Verification**. Most reviews finish within **one business day**.
                """, "Updated the weekend schedule and explained verification holds"),
        ], Pair: "payout"),

        new("es", "cuando-recibo-mis-liquidaciones", "payments-payouts", ArticleStatus.Published, 125,
        [
            new("¿Cuándo recibo mis liquidaciones?", "liquidación, pago, banco, transferencia, pendiente, retenida",
                """
                El dinero de tus ventas llega a tu cuenta bancaria en **liquidaciones**.

                ## Calendario

                - Los cobros se agrupan por día y se liquidan **2 días hábiles** después.
                - Las ventas del sábado y el domingo se liquidan juntas el **martes**.
                - La primera liquidación puede tardar hasta **7 días** mientras verificamos la cuenta.

                Consulta todas tus liquidaciones en **Finanzas → Liquidaciones**.

                ## ¿Por qué está retenida mi liquidación?

                A veces una liquidación espera una **verificación**, por ejemplo tras un aumento brusco de ventas o un cambio de cuenta bancaria. Te enviaremos un correo con lo que necesitamos, normalmente:

                1. Una foto del documento de identidad del titular
                2. Un extracto bancario reciente a su nombre

                Súbelos en **Configuración → Pagos → Verificación**. La revisión suele tardar **un día hábil**.
                """),
        ], Pair: "payout"),

        new("en", "why-was-a-payment-declined", "payments-payouts", ArticleStatus.Published, 100,
        [
            new("Why was a customer's payment declined?", "declined, payment failed, card, checkout, 3d secure",
                """
                When a payment is declined, the decision almost always comes from the **customer's bank**, not from Nimbus. The order page shows the reason the bank gave.

                ## Common reasons

                - **Insufficient funds** or a card limit reached
                - **Authentication failed:** the customer didn't finish the 3-D Secure step in their banking app
                - **Suspected fraud:** the bank blocked an unusual purchase; the customer should call their bank
                - **Incorrect details:** wrong expiry date, CVC or postcode

                ## What you can do

                1. Ask the customer to try again, or use another card or PayPal.
                2. Check https://status.nimbus.test if many customers report the same thing at once.
                3. Offer more payment methods under **Settings → Payments**.

                If many payments fail for no clear reason, contact us with two or three order numbers.
                """),
        ]),

        new("en", "legacy-checkout-v1-settings", "payments-payouts", ArticleStatus.Archived, 175,
        [
            new("Legacy checkout (v1) settings", "checkout, legacy, v1, old checkout",
                """
                **This article describes the old checkout, which was replaced by the one-page checkout.**

                In the legacy checkout you could choose between a **three-step** and a **two-step** layout under **Settings → Checkout → Layout**, and add custom fields with the **Checkout fields** app.

                Stores were moved to the one-page checkout automatically. Custom fields now live under **Settings → Checkout → Additional information**.

                ## What changed for your customers

                - Shipping, payment and review now happen on **one page**, which is faster on phones.
                - Returning customers can pay with saved details in one click.
                - The **Order notes** box is shown at the end of the page instead of the cart.

                If you used custom code in the old checkout, check that your tracking scripts moved to **Settings → Checkout → Order status page**.
                """),
        ]),

        new("en", "refund-escalation-policy-internal", "orders-returns", ArticleStatus.Published, 150,
        [
            new("Refund escalation policy (internal)", "refund, escalation, approval, policy, goodwill",
                """
                **Agents only. Never share this page or its amounts with customers.**

                ## What you can refund yourself

                - Duplicate or failed-retry charges for a Nimbus plan: any amount
                - Goodwill credits up to **$50** per store per quarter

                ## What needs approval

                Anything else goes to a **Billing & Accounts** lead. Add the tag `refund-approval` and an internal note with the reason.
                """),
            new("Refund escalation policy (internal)", "refund, escalation, approval, policy, goodwill, credit",
                """
                **Agents only. Never share this page or its amounts with customers.**

                ## What you can refund yourself

                - Duplicate or failed-retry charges for a Nimbus plan: **any amount**
                - Plan charges within **7 days** of renewal when the store had no orders since
                - Goodwill credits up to **$50** per store per quarter

                ## What needs approval

                Everything else goes to a **Billing & Accounts** lead:

                1. Add the tag `refund-approval`
                2. Write an internal note with the amount, the reason and links to related tickets
                3. Set the ticket to **On hold** and tell the customer we'll reply within one business day

                ## Never

                - Refund a merchant's **customer** orders from our side; the merchant does that in their admin
                - Promise a refund before it's approved
                """, "Added the 7-day renewal rule and the On hold step"),
        ], IsInternal: true, ByAdmin: true),

        new("en", "chargeback-playbook-internal", "payments-payouts", ArticleStatus.Published, 90,
        [
            new("Chargebacks: agent playbook (internal)", "chargeback, dispute, evidence, fraud, playbook",
                """
                **Agents only.** How to help a merchant whose customer opened a chargeback.

                ## First reply

                1. Check the **reason code** and the **evidence deadline** in the payments console.
                2. Tell the merchant the deadline and what evidence fits the reason (tracking for *not received*, customer messages and order history for *not recognised*).
                3. Link them to **Respond to dispute** on the order page.

                ## Do

                - Review the evidence with them before they submit if they ask.
                - Leave an internal note with the reason code and deadline.

                ## Don't

                - Don't share the **risk score** or fraud signals with the merchant.
                - Don't predict the outcome; the card network decides, usually in 60–75 days.
                - Don't refund the disputed order as well: the merchant could lose the money twice.
                """),
        ], IsInternal: true, ByAdmin: true),
    ];
}
