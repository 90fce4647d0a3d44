using AgentWorkspace.Features.Tickets;
using static AgentWorkspace.Data.Seed.Say;

namespace AgentWorkspace.Data.Seed;

/// <summary>English conversations about domains, sign-in and security, apps and the API.</summary>
internal static class ScriptsEnglishTech
{
    public static readonly ConversationScript[] All =
    [
        new("en", "Domains", "Custom domain shows \"Not secure\"", TicketPriority.Normal, ["dns", "ssl"],
        [
            C("I connected {domain} yesterday. The store loads, but Chrome says **Not secure** next to the address. Did I do something wrong?"),
            N("SSL order pending: the www CNAME still points at the old host, so the certificate check fails for www.{domain}.", Progress),
            A("""
              Hi {name}, you're almost there! The certificate can only be issued once **both** addresses point to Nimbus. Right now `{domain}` is correct, but `www.{domain}` still points to your previous host.

              At your domain provider, change this record:

              | Type | Name | Value |
              |------|------|-------|
              | CNAME | www | shops.nimbus.test |

              Could you let me know once it's changed? I'll keep an eye on the certificate.
              """, Waiting),
            C("Changed it 10 minutes ago."),
            A("Thanks! DNS changes can take a few hours to spread. The certificate request is queued and will retry automatically every 30 minutes.", Hold),
            A("The certificate is now active and {domain} shows the padlock. You're all set, {name}!"),
        ]),

        new("en", "Account", "Locked out after losing my phone (2FA)", TicketPriority.Urgent, ["2fa", "account-access"],
        [
            C("""
              My phone was stolen and I can't sign in: Nimbus asks for the **two-factor code** and I don't have my backup codes. I have orders to ship today. Please help!

              Account email: the one I'm writing from.
              """),
            N("Identity check required before removing 2FA (policy ACC-4). Sent the verification link to the owner email. Don't disable 2FA on the phone call alone.", Progress),
            A("""
              Hi {name}, I'm sorry about your phone. We can help you back in, but first we need to make sure it's really you:

              1. Open the **identity check** link we just sent to this email address
              2. Take a photo of your ID and a selfie when asked
              3. The check usually completes in **under 30 minutes**

              Once it's confirmed, I'll remove two-factor from your account so you can sign in and set it up again on your new phone.
              """, Waiting),
            C("Done, I completed the check."),
            N("Identity check passed (score high). 2FA removed, all sessions revoked."),
            A("""
              Thanks {name}, the check passed. I've **turned off two-factor** and signed out every other device. Please now:

              1. Sign in and **change your password**
              2. Turn two-factor back on under **Settings → Security**
              3. Save the new **backup codes** somewhere safe (not on your phone!)
              """),
            C("I'm back in and 2FA is on again. Thank you so much."),
        ]),

        new("en", "Integrations", "Inventory sync with the Etsy app stopped", TicketPriority.High, ["integration", "bug"],
        [
            C("Since Tuesday, stock levels no longer sync between Nimbus and my Etsy shop. I sold the same one-off item twice yesterday. The app says **Connected**."),
            A("Hi {name}, sorry about the double sale. Could you tell me the SKU of that item, and whether you changed anything in the app settings around Tuesday?", Waiting),
            C("SKU is RING-0193. I didn't change anything, but I did add 20 new products on Tuesday."),
            N("Sync worker logs: the Etsy partner API rejects batches with more than 50 listings since their change on Tuesday. Our app still sends 100. Escalated to Tier 2 / app partner team.", Progress),
            A("""
              Thank you, that detail helped a lot. Etsy changed a limit on their side on Tuesday, and the sync now fails for large batches. Our integrations team is working on an update with Etsy.

              **Until then:** please set one-off items to **Manual inventory** in the app, so they can't be oversold. I'll update this ticket as soon as the fix is live.
              """, Hold),
            A("The updated Etsy app is live and I can see your stock syncing again (last sync 2 minutes ago). You can switch your items back to automatic inventory."),
            C("Yes, everything matches now. Thanks for following up."),
        ], Escalates: true),

        new("en", "Account", "Add a staff account for my assistant", TicketPriority.Low, ["staff", "permissions"],
        [
            C("I'd like my assistant to handle orders but NOT see payouts or billing. Is that possible?"),
            A("""
              Hi {name}, absolutely. Staff accounts have their own permissions:

              1. Go to **Settings → Staff → Add staff member**
              2. Enter your assistant's email
              3. Tick **Orders** and **Customers** only; leave **Payments** and **Billing** unticked
              4. Click **Send invite**

              They'll get an email to set their own password, and they'll need to turn on two-factor on first sign-in.
              """),
            C("Perfect, invite sent. Thanks!"),
        ]),

        new("en", "Domains", "Transfer my domain away from Nimbus", TicketPriority.Normal, ["dns", "domain-transfer"],
        [
            C("I bought {domain} through Nimbus two years ago. I want to move it to another registrar but keep the store on Nimbus. How?"),
            A("""
              Hi {name}, no problem, your store stays exactly where it is. To transfer the domain:

              1. Go to **Settings → Domains → {domain} → Transfer out**
              2. Turn off **Domain lock**
              3. Click **Get authorization code**; we'll email it to the account owner

              Then start the transfer at your new registrar with that code. Is the domain older than **60 days** since its last transfer or registration? Registrars refuse transfers inside that window.
              """, Waiting),
            C("Yes, bought two years ago. I got the code, thanks."),
            N("Transfer request received from the new registrar. Auto-approves in 5 days unless we approve earlier. Approved now."),
            A("The transfer request from your new registrar arrived and I approved it, so it should complete within a few hours. Remember to keep the DNS records pointing at Nimbus so your store stays online.", Hold),
            C("The new registrar shows the domain as transferred and the store is still up. Thanks!"),
        ]),

        new("en", "Integrations", "API returns 429 Too Many Requests", TicketPriority.Normal, ["api", "rate-limit"],
        [
            C("""
              Our ERP sync calls the Nimbus Admin API and since this morning we get lots of `429 Too Many Requests`. We didn't change the code. Store: {shop}
              """),
            A("Hi {name}, could you share the **request ID** of one failing call (the `X-Request-Id` header) and roughly how many requests per minute the sync makes?", Waiting),
            C("Example: req_7f3a91c2. About 300 per minute at the start of every hour."),
            N("Each store gets 120 requests/min with a burst of 40. Customer's job does all calls at xx:00. Nothing wrong on our side.", Progress),
            A("""
              Thanks! The Admin API allows **120 requests per minute** per store, with short bursts of up to 40. Your sync sends 300 at the top of the hour, so part of it is refused. Two changes will fix it:

              - Use the **bulk endpoints** (`POST /v2/products/bulk`) to update up to 100 items per call
              - When you get a 429, wait for the number of seconds in the `Retry-After` header

              Docs: https://developers.nimbus.test/admin-api/rate-limits
              """),
            C("We moved to the bulk endpoint and the errors are gone. Thanks for the pointers."),
        ]),

        new("en", "Account", "Suspicious sign-in email: was I hacked?", TicketPriority.High, ["security", "2fa"],
        [
            C("I got an email saying there was a **new sign-in from Lagos**. That wasn't me! I'm in Manchester. What do I do?"),
            N("Sign-in came from a known proxy range, correct password, blocked at the 2FA step. Password likely reused from another site.", Progress),
            A("""
              Hi {name}, thanks for reporting it so quickly. The good news: the sign-in was **blocked at the two-factor step**, so nobody got into your account. Someone did know your password, though, so please:

              1. **Change your password** now (Settings → Security)
              2. Click **Sign out of all other sessions**
              3. If you use the same password elsewhere, change it there too

              Could you confirm when that's done?
              """, Waiting),
            C("Done, new password and signed out everywhere. I did use it on another site, oops."),
            A("That's the most common cause, so good catch. Your account is secure now. Keep two-factor on, it did its job today!"),
        ]),
    ];
}
