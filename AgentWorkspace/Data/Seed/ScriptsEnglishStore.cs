using AgentWorkspace.Features.Tickets;
using static AgentWorkspace.Data.Seed.Say;

namespace AgentWorkspace.Data.Seed;

/// <summary>English conversations about orders, shipping, checkout and the store builder.</summary>
internal static class ScriptsEnglishStore
{
    public static readonly ConversationScript[] All =
    [
        new("en", "Orders", "Customer says their order never arrived", TicketPriority.Normal, ["shipping", "orders"],
        [
            C("One of my customers says order {order} never arrived. The tracking page hasn't updated in 9 days. What can I do from my side?"),
            A("""
              Hi {name}, that's frustrating for both of you. When tracking stops updating for more than a week, the parcel is usually stuck at a sorting centre or lost. Two options:

              - **Open a claim with the carrier** from **Orders → {order} → Shipment → Report a problem**
              - **Send a replacement** now and let the claim run in the background

              Which carrier did you use? Some only accept claims after 14 days.
              """, Waiting),
            C("Royal Mail, Tracked 48."),
            N("Royal Mail claims need 10 working days after the expected delivery date. That's this Thursday.", Progress),
            A("With Royal Mail you can open the claim from **Thursday** on. I'd suggest sending the replacement today so your customer isn't left waiting, then filing the claim on Thursday to get the postage and item value back."),
            C("Makes sense. Replacement is on its way. Thanks!"),
        ]),

        new("en", "Shipping", "Shipping rates not showing for Canada", TicketPriority.High, ["shipping", "checkout", "bug"],
        [
            C("""
              Canadian customers can't check out: the shipping step says **"No shipping options available for this address"**. I definitely have a Canada zone with two rates. US and UK work fine.

              Store: {shop}
              """),
            A("Hi {name}, thanks for the details. Could you send me a postal code where it fails, and tell me whether the products in the cart have a **weight** set?", Waiting),
            C("It fails with M5V 2T6 (Toronto). All products have weights, between 0.2 and 1.5 kg."),
            N("Reproduced. The Canada zone was created while the store used lb; rates are stored with max weight 3.3 but compared in kg after the unit switch. Looks like a unit conversion bug. Escalating to Tier 2.", Progress),
            A("""
              Thank you, I could reproduce it. It looks like a bug in how the rates convert after a store changes its weight unit from **lb to kg**. I've passed it to our engineers with everything they need.

              **Workaround for now:** edit each Canada rate and save it again without changes. This stores the limits in kg and the rates appear again.
              """, Hold),
            C("The workaround worked, Canadian orders are back. Please let me know when it's fixed properly."),
            A("Will do! The fix has shipped today, so any store that changes units from now on won't hit this. Thanks for your patience and the clear report, {name}."),
        ], Escalates: true),

        new("en", "Store builder", "Can't change the font on product pages", TicketPriority.Low, ["theme"],
        [
            C("Hi there, I changed the font in the theme editor to Lora but the product pages still show the old one. The home page is fine."),
            A("""
              Hi {name}! Product pages in the **Aurora** theme have their own typography setting, so the global font doesn't reach them. To change it:

              1. Open **Online store → Themes → Customize**
              2. Switch the page selector at the top to **Product page**
              3. Under **Typography**, pick **Lora** and click **Save**
              """),
            C("Oh, I never saw that selector. It worked, thank you!"),
        ]),

        new("en", "Orders", "Order export is missing columns", TicketPriority.Normal, ["export", "orders"],
        [
            C("When I export orders to CSV, the file has no column for the discount code or the customer's phone number. I need both for my accounts."),
            A("Hi {name}, the default export is the short one. Are you using **Export → Current page** or **Export → All orders**? Only the second one lets you choose the detailed format.", Waiting),
            C("Current page, I think."),
            A("""
              That's it. Try this:

              1. In **Orders**, click **Export**
              2. Choose **All orders** (or filter by date first)
              3. Under **Format**, select **Detailed CSV**

              The detailed file includes **Discount code**, **Phone** and 40 other columns.
              """),
            C("Found it, that's exactly what I needed. Cheers."),
        ]),

        new("en", "Shipping", "Printing shipping labels in bulk", TicketPriority.Low, ["labels", "shipping"],
        [
            C("Is there a way to print labels for 30 orders at once? Doing them one by one takes me an hour every morning."),
            A("""
              Hi {name}, yes! You can buy and print labels in bulk:

              1. Go to **Orders** and filter by **Unfulfilled**
              2. Select the orders (the checkbox at the top selects the whole page)
              3. Click **Create shipping labels**
              4. Check the package sizes, then **Buy labels**

              You'll get one PDF with all the labels. More details: https://help.nimbus.test/en/articles/print-shipping-labels
              """),
            C("This is going to save me so much time. Thank you!!"),
            A("Happy to help, {name}! Have a good day."),
        ]),

        new("en", "Orders", "Refund part of an order", TicketPriority.Normal, ["refund", "orders"],
        [
            C("A customer returned one of the three items in order {order}. How do I refund only that item and not the shipping?"),
            A("""
              Hi {name}, you can do a partial refund from the order page:

              1. Open order {order} and click **Refund**
              2. Set the quantity to **1** for the returned item only
              3. Leave **Refund shipping** at **$0.00**
              4. Tick **Restock item** if it can be sold again, then click **Refund**

              Did the customer pay by card or PayPal? PayPal refunds only work within **180 days** of the payment.
              """, Waiting),
            C("By card, last month."),
            A("Then you're all set, card refunds are available for 12 months. The customer will receive an email as soon as you issue it."),
            C("Done, thanks for the quick answer."),
        ]),

        new("en", "Payments", "Checkout button does nothing on mobile", TicketPriority.Urgent, ["checkout", "bug"],
        [
            C("""
              On iPhone, the **Checkout** button in the cart does nothing. You tap and nothing happens. On desktop it works. I only noticed because sales dropped by half since yesterday.

              Store: {shop}
              """),
            N("Safari 18 console error from the cart drawer script: 'Cannot read properties of null (reading dataset)'. Only with the custom 'free shipping bar' snippet the merchant added to theme.liquid yesterday.", Progress),
            A("""
              Hi {name}, I've found it: the **free shipping bar** code added to your theme yesterday throws an error on Safari, and that stops the checkout button from working.

              The quickest fix is to remove the snippet:
              1. **Online store → Themes → Edit code**
              2. Open `theme.liquid` and delete the block between `<!-- shipping bar -->` comments
              3. **Save**

              Would you like me to do it for you? I'd need your permission to edit the theme.
              """, Waiting),
            C("Yes please, go ahead, I can't lose more sales."),
            N("Removed the snippet with the merchant's permission, kept a copy in the theme's backup. Tested checkout on iOS Safari: works."),
            A("Done: I removed the snippet (a backup of the original theme is under **Themes → Backups**) and tested checkout on an iPhone. Everything works now. If you'd like the shipping bar back, the **Free Shipping Bar** app does the same without custom code."),
        ]),

        new("en", "Shipping", "Local pickup option for my shop", TicketPriority.Low, ["shipping"],
        [
            C("Can my customers choose to collect their order at my studio instead of paying for shipping?"),
            A("""
              Hi {name}, yes, that's **Local pickup**. To switch it on:

              1. Go to **Settings → Shipping → Local pickup**
              2. Turn on **Offer local pickup** for your studio's location
              3. Add pickup instructions, like opening hours

              Customers will see **Pick up at {shop}** as a free option at checkout.
              """),
            C("Lovely, turned on. Thank you!"),
        ]),
    ];
}
