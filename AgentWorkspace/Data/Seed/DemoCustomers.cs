using AgentWorkspace.Features.Customers;

namespace AgentWorkspace.Data.Seed;

/// <summary>A demo customer plus what the seeder needs to know about them: market, VIP status and store domain.</summary>
internal sealed record DemoCustomer(Customer Customer, string Country, bool IsVip, string Domain)
{
    public string FirstName => Customer.Name.Split(' ')[0];
}

/// <summary>Shop owners selling on Nimbus, in English (US, UK, Ireland, Canada, Australia) and Spanish (Spain, Mexico).</summary>
internal static class DemoCustomers
{
    // Name, email, shop, country, phone, VIP, domain. Phone numbers use ranges reserved for fiction where they exist.
    private static readonly (string Name, string Email, string Company, string Country, string? Phone, bool Vip, string Domain)[] People =
    [
        ("Olivia Bennett", "olivia.bennett@example.com", "Bennett & Bloom Florals", "us", "+1 202 555 0142", true, "bennettbloom.example"),
        ("James O'Connor", "james@example.org", "Harbour Coffee Roasters", "ie", null, false, "harbourcoffee.example"),
        ("Priya Shah", "priya.shah@example.com", "Saffron Street Spices", "uk", "+44 20 7946 0321", true, "saffronstreet.example"),
        ("Ethan Walker", "ethan.walker@example.net", "Trailhead Outfitters", "us", null, false, "trailheadoutfitters.example"),
        ("Chloe Martin", "chloe@example.com", "Little Fern Kids", "ca", null, false, "littlefern.example"),
        ("Noah Thompson", "noah.t@example.org", "Thompson Vinyl Exchange", "us", null, false, "vinylexchange.example"),
        ("Grace Kim", "grace.kim@example.com", "Paper Moon Stationery", "us", null, false, "papermoon.example"),
        ("Liam Murphy", "liam.murphy@example.com", "Murphy's Bike Parts", "ie", null, false, "murphysbikes.example"),
        ("Sophie Clarke", "sophie.clarke@example.com", "Clarke & Co Ceramics", "uk", null, false, "clarkeceramics.example"),
        ("Daniel Osei", "daniel.osei@example.com", "Kente Threads", "uk", null, false, "kentethreads.example"),
        ("Hannah Fischer", "hannah@example.org", "Alpine Wool Co.", "us", null, false, "alpinewool.example"),
        ("Marcus Reid", "marcus.reid@example.net", "Reid Fitness Supply", "us", "+1 312 555 0178", true, "reidfitness.example"),
        ("Emily Hart", "emily.hart@example.com", "Hart & Hearth Candles", "uk", null, false, "hartandhearth.example"),
        ("Ryan Patel", "ryan.patel@example.com", "Gadget Nook", "au", null, false, "gadgetnook.example"),
        ("Zoe Campbell", "zoe.campbell@example.org", "Highland Tea House", "uk", null, false, "highlandtea.example"),
        ("Tom Nguyen", "tom.nguyen@example.com", "Pho Real Sauces", "us", "+1 415 555 0193", false, "phorealsauces.example"),
        ("Amelia Brooks", "amelia.brooks@example.net", "Brooks Leatherworks", "us", null, false, "brooksleather.example"),
        ("Kwame Mensah", "kwame@example.com", "Mensah Naturals", "ca", null, false, "mensahnaturals.example"),
        ("Isla Robertson", "isla.r@example.com", "Wee Knits", "uk", null, false, "weeknits.example"),
        ("Jack Sullivan", "jack.sullivan@example.org", "Sullivan Surf Co.", "au", null, false, "sullivansurf.example"),
        ("Megan Price", "megan.price@example.com", "Pawsome Treats", "us", null, false, "pawsometreats.example"),
        ("Oliver Grant", "oliver.grant@example.net", "Grant Print Studio", "uk", null, false, "grantprint.example"),
        ("Aisha Rahman", "aisha.rahman@example.com", "Rahman Modest Fashion", "uk", "+44 161 496 0457", true, "rahmanfashion.example"),
        ("Lucy Evans", "lucy.evans@example.com", "Evergreen Plant Shop", "us", null, false, "evergreenplants.example"),

        ("Lucía Fernández", "lucia.fernandez@example.es", "Cerámica Lucía", "es", "+34 600 555 012", false, "ceramicalucia.example"),
        ("Javier Romero", "javier.romero@example.es", "Café Romero Tostadores", "es", "+34 600 555 047", true, "caferomero.example"),
        ("Carmen Ruiz", "carmen.ruiz@example.es", "La Despensa de Carmen", "es", null, false, "despensacarmen.example"),
        ("Pablo Navarro", "pablo@example.es", "Navarro Bicicletas", "es", null, false, "navarrobicis.example"),
        ("Marta Gil", "marta.gil@example.es", "Moda Sostenible Marta", "es", null, false, "modamarta.example"),
        ("Sergio Ortega", "sergio.ortega@example.es", "Ortega Vinos y Aceites", "es", null, true, "ortegavinos.example"),
        ("Elena Castro", "elena.castro@example.es", "Jabones del Sur", "es", null, false, "jabonesdelsur.example"),
        ("Álvaro Molina", "alvaro.molina@example.es", "Molina Surf Shop", "es", null, false, "molinasurf.example"),
        ("Nuria Vidal", "nuria.vidal@example.es", "Papelería Vidal", "es", null, false, "papeleriavidal.example"),

        ("Sofía Hernández", "sofia.hernandez@example.mx", "Artesanías Sofía", "mx", "+52 55 5555 0134", true, "artesaniassofia.example"),
        ("Diego Ramírez", "diego.ramirez@example.mx", "Café de Altura Chiapas", "mx", null, false, "cafedealtura.example"),
        ("Valeria Torres", "valeria.torres@example.mx", "Torres Joyería", "mx", null, false, "torresjoyeria.example"),
        ("Alejandro Flores", "alejandro.flores@example.mx", "Flores Electrónica", "mx", null, false, "floreselectronica.example"),
        ("Camila Morales", "camila@example.mx", "Camila Cosmética Natural", "mx", null, false, "camilacosmetica.example"),
        ("Mateo Jiménez", "mateo.jimenez@example.mx", "Mezcal Jiménez", "mx", null, false, "mezcaljimenez.example"),
        ("Renata Vargas", "renata.vargas@example.mx", "Vargas Textiles", "mx", null, false, "vargastextiles.example"),
    ];

    /// <summary>Customers signed up between about six and one month ago, oldest first.</summary>
    public static List<DemoCustomer> Create(DateTimeOffset now, Random random)
    {
        var result = new List<DemoCustomer>(People.Length);
        for (var i = 0; i < People.Length; i++)
        {
            var p = People[i];
            // 17 is coprime with the list length, so slots are a permutation that mixes both languages over time.
            var slot = i * 17 % People.Length;
            var daysAgo = 180 - (slot * 150 / People.Length) - random.Next(0, 4);
            var customer = new Customer
            {
                Name = p.Name,
                Email = p.Email,
                Phone = p.Phone,
                Company = p.Company,
                Language = p.Country is "es" or "mx" ? "es" : "en",
                IsVip = p.Vip,
                CreatedAt = now.AddDays(-daysAgo).AddMinutes(-random.Next(0, 24 * 60)),
            };
            result.Add(new DemoCustomer(customer, p.Country, p.Vip, p.Domain));
        }
        foreach (var file in SeedContent.CustomerFiles)
        {
            var customer = result.Single(c => c.Customer.Email == file.Email).Customer;
            customer.Notes = file.Notes;
            customer.Contacts.AddRange(file.Emails.Select(e => Contact(ContactKind.Email, e, CustomerEmail.Normalize(e)!, customer.CreatedAt)));
            customer.Contacts.AddRange(file.Phones.Select(p => Contact(ContactKind.Phone, p, CustomerPhone.Normalize(p)!, customer.CreatedAt)));
        }
        // Ids in sign-up order, as they would be in a real database.
        return result.OrderBy(c => c.Customer.CreatedAt).ToList();
    }

    private static CustomerContact Contact(ContactKind kind, string value, string normalized, DateTimeOffset at) =>
        new() { Kind = kind, Value = value, Normalized = normalized, CreatedAt = at };
}
