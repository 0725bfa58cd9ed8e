/// Company names for accounts.csv. A customer list of a global SaaS business
/// is mostly plain Latin, but the dashboard must also cope with accents,
/// right-to-left Arabic, CJK, emoji (wide and multi-scalar characters) and
/// names that need CSV quoting — so every one of those appears, at a rate a
/// few hundred accounts are enough to show.
enum NameBank {
    /// Share of names, in per mille, by kind: plain Latin, accented Latin,
    /// Arabic, Chinese, Japanese, Korean, with emoji, needing CSV quotes.
    private static let kindWeights = [760, 90, 35, 30, 25, 10, 15, 35]

    static func companyName(_ random: inout SeededRandom) -> String {
        switch random.weighted(kindWeights) {
        case 0: return latinName(&random)
        case 1: return accentedName(&random)
        case 2: return arabicName(&random)
        case 3: return random.pick(chineseCities) + random.pick(chineseWords) + random.pick(chineseSuffixes)
        case 4: return japaneseName(&random)
        case 5: return random.pick(koreanNames)
        case 6: return emojiName(&random)
        default: return quotedName(&random)
        }
    }

    // MARK: Latin

    private static func latinName(_ random: inout SeededRandom) -> String {
        let first = random.pick(latinFirst)
        switch random.below(4) {
        case 0: return first + random.pick(latinJoined) + " " + random.pick(legalSuffixes)
        case 1: return first + " " + random.pick(latinSecond)
        default: return first + " " + random.pick(latinSecond) + " " + random.pick(legalSuffixes)
        }
    }

    private static let latinFirst = [
        "Acme", "Apex", "Atlas", "Aurora", "Beacon", "Birch", "Blue Harbor", "Bright", "Cascade", "Cedar",
        "Cobalt", "Copper", "Crescent", "Crimson", "Delta", "Echo", "Ember", "Evergreen", "Falcon", "Fern",
        "Granite", "Harbor", "Helix", "Horizon", "Indigo", "Iron", "Juniper", "Keystone", "Lake", "Lantern",
        "Lighthouse", "Lumen", "Maple", "Meridian", "Mosaic", "Northwind", "Nova", "Oak", "Onyx", "Orbit",
        "Pacific", "Pinnacle", "Pioneer", "Prairie", "Quantum", "Quarry", "Radiant", "Redwood", "Ridge", "River",
        "Sable", "Sage", "Sequoia", "Silver", "Summit", "Sunrise", "Terra", "Tidal", "Timber", "Trident",
        "Union", "Vanguard", "Vector", "Velvet", "Vista", "Wave", "Westbrook", "Willow", "Zenith", "Zephyr",
        "Greenfield", "Hudson", "Kestrel", "Monarch", "Polar", "Riverside", "Starling", "Stonebridge",
    ]
    private static let latinJoined = ["ware", "soft", "labs", "works", "ly", "io", "stack", "grid", "point", "path"]
    private static let latinSecond = [
        "Analytics", "Logistics", "Software", "Health", "Foods", "Robotics", "Media", "Capital", "Energy", "Retail",
        "Systems", "Dynamics", "Networks", "Biotech", "Consulting", "Manufacturing", "Freight", "Insurance",
        "Learning", "Studios", "Labs", "Partners", "Pharma", "Security", "Solar", "Telecom", "Travel", "Ventures",
        "Data", "Cloud", "Devices", "Outdoor", "Marine", "Mobility", "Payments", "Clinics", "Brewing", "Textiles",
    ]
    private static let legalSuffixes = ["Inc", "LLC", "Ltd", "Group", "Corp", "Co", "Holdings", "PLC", "Pty Ltd", "AG"]

    // MARK: Accented and other scripts

    /// Accented names by language, each with the legal forms of its country.
    private static let accentedGroups: [(names: [String], suffixes: [String])] = [
        (["Société Lumière", "Électricité Réunie", "Île-de-France Énergie", "Crème Brûlée", "Bâtiments Côté Sud"],
         ["SA", "SARL", "SAS"]),
        (["Müller & Söhne", "Zürcher Präzision", "Bäckerei Schröder", "Straße der Ideen", "Jäger Maschinenbau"],
         ["GmbH", "AG", "KG"]),
        (["Café Niño", "Señor Páez", "Peña Hermanos", "São Paulo Logística", "Açores Pescas"],
         ["S.L.", "S.A.", "Ltda."]),
        (["Øresund Data", "Ålesund Havbruk", "Göteborg Fältteknik", "Fjärran Möbler", "Tromsø Fiskeri"],
         ["ApS", "AB", "AS"]),
        (["Łódź Systemy", "Kraków Współpraca", "Gdańsk Żegluga"], ["Sp. z o.o.", "S.A."]),
        (["Žižkov Software", "Brněnské Výrobky", "Plzeňská Technika"], ["s.r.o.", "a.s."]),
    ]

    private static func accentedName(_ random: inout SeededRandom) -> String {
        let group = random.pick(accentedGroups)
        return random.pick(group.names) + " " + random.pick(group.suffixes)
    }

    private static func arabicName(_ random: inout SeededRandom) -> String {
        "\(random.pick(arabicPrefixes)) \(random.pick(arabicWords)) \(random.pick(arabicSuffixes))"
    }
    private static let arabicPrefixes = ["شركة", "مجموعة", "مؤسسة", "مصنع"]
    private static let arabicWords = ["النور", "الخليج", "الرياض", "الأمل", "الفجر", "الواحة", "النخيل", "القمة", "البحر", "السلام"]
    private static let arabicSuffixes = ["للتقنية", "للتجارة", "للبرمجيات", "القابضة", "للخدمات اللوجستية", "للاستشارات"]

    private static let chineseCities = ["北京", "上海", "深圳", "杭州", "广州", "成都", "南京", "苏州"]
    private static let chineseWords = ["星辰", "云图", "华信", "智联", "天宇", "金桥", "长风", "明达"]
    private static let chineseSuffixes = ["科技有限公司", "信息技术有限公司", "网络科技有限公司", "贸易有限公司", "软件股份有限公司"]

    private static func japaneseName(_ random: inout SeededRandom) -> String {
        let word = random.pick(japaneseWords)
        return random.chance(0.5) ? "株式会社" + word : word + "株式会社"
    }
    private static let japaneseWords = ["さくら技研", "東京データ", "大阪物流", "富士ソフト工房", "みらい商事", "青空システム", "日の出製作所", "北斗ネットワーク"]

    private static let koreanNames = ["한빛소프트", "서울데이터", "푸른바다 주식회사", "새벽시스템", "한강물류"]

    private static func emojiName(_ random: inout SeededRandom) -> String {
        random.pick(emojiNames)
    }
    private static let emojiNames = [
        "Rocket 🚀 Labs", "Taco Time 🌮", "☕ Coffee Collective", "Green Leaf 🌿 Organics", "Pixel 👾 Arcade",
        "Sunny ☀️ Solar", "Happy Paws 🐾", "Bolt ⚡ Couriers", "🍕 Slice Society", "Team 👩🏽‍💻 Studio",
    ]

    // MARK: Names that must be quoted in CSV

    private static func quotedName(_ random: inout SeededRandom) -> String {
        switch random.below(3) {
        case 0:
            return "\(random.pick(surnames)), \(random.pick(surnames)) & \(random.pick(["Co", "Partners", "Associates", "Sons"]))"
        case 1:
            return "The \"\(random.pick(quotedWords))\" \(random.pick(latinSecond))"
        default:
            return "\(random.pick(latinFirst)) \(random.pick(latinSecond)), \(random.pick(["Inc.", "LLC", "Ltd."]))"
        }
    }
    private static let surnames = [
        "Smith", "Jones", "Garcia", "Okafor", "Nguyen", "Kowalski", "Haddad", "Rossi", "Fischer", "Tanaka",
        "Patel", "Dubois", "Larsen", "Murphy", "Silva",
    ]
    private static let quotedWords = ["Best", "Original", "Real", "Famous", "Other", "Good"]
}
