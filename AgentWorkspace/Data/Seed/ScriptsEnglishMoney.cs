using AgentWorkspace.Features.Tickets;
using static AgentWorkspace.Data.Seed.Say;

namespace AgentWorkspace.Data.Seed;

/// <summary>English conversations about billing, payments, payouts and taxes.</summary>
internal static class ScriptsEnglishMoney
{
    public static readonly ConversationScript[] All =
    [
        new("en", "Billing", "Charged twice for my monthly plan", TicketPriority.Normal, ["refund", "billing"],
        [
            C("Hi, I was charged **twice** for my Grow plan this month: two charges of $79.00 on the same day. Can you refund one of them? Store: {shop}"),
            A("Hi {name}, sorry about that! To match the transactions on our side, could you confirm the **last four digits** of the card and the date shown on your statement?", Waiting),
            C("Visa ending 4417, both on the 3rd."),
            N("Billing log: first attempt timed out on 3-D Secure, the retry succeeded and so did the original capture. Duplicate is refundable in full, no approval needed under $100.", Progress),
            A("""
              Thanks {name}. The first payment attempt timed out at your bank's verification step and our system retried, so both went through. I've refunded the duplicate **$79.00** just now.

              Refunds usually reach your card within **5–10 business days**, depending on the bank.
              """),
            C("Perfect, thanks for sorting it so quickly."),
        ]),

        new("en", "Payments", "Payout hasn't arrived after 5 days", TicketPriority.High, ["payout"],
        [
            C("""
              Hello, my payout from last week still hasn't reached my bank account. The dashboard says **Pending** since Monday. We had a big weekend sale and I need that money to pay my supplier.

              Store: {shop}
              """),
            N("Checked the payments provider logs: payout held for a KYC review because volume jumped ~9x over the weekend. Don't tell the customer the risk score yet; Compliance asked us to just request documents.", Progress),
            A("""
              Hi {name}, thanks for your patience. Your payout is on a routine **verification hold**: this happens automatically when a store's sales volume changes a lot in a short time, so congratulations on the sale!

              To release it, we need two things:
              1. A photo of the ID of the account owner
              2. A recent bank statement showing the account holder's name

              You can upload both under **Settings → Payments → Verification**.
              """, Waiting),
            C("Done, I uploaded both a few minutes ago."),
            N("Documents received and forwarded to Compliance. They review within 1 business day. Keep on hold until they confirm."),
            A("Thanks {name}! The documents are with our verification team now. The review usually takes **one business day**, and I'll update you here as soon as it's done.", Hold),
            N("Compliance approved. Hold released, payout scheduled for tomorrow's batch."),
            A("Good news: the verification is complete and your payout has been released. It will arrive in your bank account within **1–2 business days**. Sorry for the wait, and good luck with the next sale!"),
        ]),

        new("en", "Taxes", "How do I charge VAT to EU customers?", TicketPriority.Normal, ["vat", "taxes"],
        [
            C("I'm based in Ireland and starting to sell to customers in Germany and France. Do I need to do anything in Nimbus so the right VAT is charged? Right now everyone pays 23%."),
            A("""
              Hi {name}, good question! Once you sell across EU borders above the yearly threshold, VAT is charged at the **customer's country rate**. Nimbus can do that for you:

              1. Go to **Settings → Taxes → European Union**
              2. Turn on **Charge VAT based on customer location**
              3. Enter your **OSS registration number** if you have one

              There's a step-by-step guide here: https://help.nimbus.test/en/articles/charge-vat-in-the-eu

              Are you already registered for the One-Stop Shop (OSS)? That changes what we recommend for your invoices.
              """, Waiting),
            C("Not yet, my accountant is doing it this month. Can I turn the setting on before I have the number?"),
            A("Yes, you can. The rates will apply at checkout right away, and you can add the OSS number later; it will be printed on every invoice from then on. Just remember to file your returns from the date you started charging local rates."),
            C("Brilliant, that's clear. Thanks!"),
        ]),

        new("en", "Payments", "Card payments declined for several customers", TicketPriority.Urgent, ["checkout", "payments"],
        [
            C("""
              URGENT: since about an hour ago almost every card payment on my store is being **declined**. Customers are emailing me. PayPal still works. We're losing sales!!

              Store: {shop}
              """),
            N("Status page shows degraded card authorisations on one acquirer since 14:05 UTC, EU cards mostly. Engineering is on it. Linking to the incident.", Progress),
            A("""
              Hi {name}, I'm really sorry, you're not alone: one of our card processing partners is having an outage and many card payments are failing right now. Our engineers are working on it with them.

              You can follow live updates at https://status.nimbus.test. In the meantime, **PayPal and bank transfer** keep working, so you may want to add a banner to your store mentioning them.
              """, Hold),
            N("Incident resolved 15:20 UTC. Failed authorisations were not captured, so no customer was charged."),
            A("The incident is resolved and card payments are working normally again. None of your customers were charged for the declined attempts, so they can simply try again. Sorry for the disruption, {name}."),
            C("Confirmed, orders are coming in again. Thanks for keeping me posted."),
        ]),

        new("en", "Billing", "Downgrade to the Starter plan before renewal", TicketPriority.Low, ["plan-change", "billing"],
        [
            C("Hi! Business is quiet over the winter, so I'd like to move from Grow to Starter before my plan renews on the 15th. Will I lose my products?"),
            A("""
              Hi {name}, no products or orders are lost when you downgrade. A couple of things to know:

              - Starter includes **2 staff accounts** (you have 4 right now)
              - **Abandoned cart emails** are not included in Starter

              You can switch yourself under **Settings → Plan → Change plan**. Would you like me to do it for you at the end of the current period?
              """, Waiting),
            C("Yes please, do it at the end of the period. I'll remove the extra staff accounts myself."),
            N("Scheduled the downgrade for the renewal date. Staff accounts: customer will remove 2."),
            A("Done! Your plan will change to **Starter** on the 15th, and you'll be billed the Starter price from then on. You can upgrade again at any time."),
        ]),

        new("en", "Billing", "Need an invoice with our VAT number", TicketPriority.Low, ["invoice", "vat"],
        [
            C("Our accountant needs the Nimbus invoices for the last three months with our company VAT number on them. The current ones only show my name."),
            A("""
              Hi {name}, you can add your company details so they appear on all invoices:

              1. Open **Settings → Billing → Billing details**
              2. Fill in **Company name** and **VAT number**
              3. Click **Save**

              Invoices issued before the change keep their original details, but I can reissue the last three for you once the VAT number is saved. Let me know when it's there!
              """, Waiting),
            C("Saved it now: IE9823412T."),
            N("VAT number validated in VIES. Reissued invoices for the last 3 periods.", Progress),
            A("Thanks {name}, the VAT number is valid and I've reissued your last three invoices. You'll find them under **Settings → Billing → Invoices**, marked *Reissued*."),
            C("Got them, thank you!"),
        ]),

        new("en", "Payments", "Chargeback on an order, what do I do?", TicketPriority.High, ["chargeback", "payments"],
        [
            C("I just got an email that a customer opened a **chargeback** for order {order} ($184.50). I shipped it with tracking and it was delivered! What do I need to do? I've never had this before."),
            N("Dispute reason code: 'product not received'. Evidence deadline is in 6 days. Tracking shows delivered to the billing address, so a strong case.", Progress),
            A("""
              Hi {name}, sorry this happened. The good news is you have proof of delivery, which is exactly what's needed. Here's how to respond:

              1. Open the order {order} and click **Respond to dispute**
              2. Upload the **tracking number and delivery confirmation**
              3. Add any messages with the customer, if you have them
              4. Click **Submit evidence**

              The deadline is in **6 days**. Could you send me the tracking number too, so I can double-check it before you submit?
              """, Waiting),
            C("It's 1Z84E9F20312345678, delivered on the 12th."),
            A("That looks good: it was delivered to the same address as the billing address. Go ahead and submit. The card network usually decides within **60–75 days**, and we'll notify you by email."),
            N("Evidence submitted by merchant. Nothing more to do on our side until the bank decides.", Hold),
            C("Submitted. Fingers crossed, thanks for the help."),
        ]),
    ];
}
