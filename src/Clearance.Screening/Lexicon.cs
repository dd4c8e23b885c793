namespace Clearance.Screening;

/// <summary>Legal forms, abbreviations, organisation terms, places and pinyin company terms.</summary>
/// <remarks>
/// General domain vocabulary for company names (registry abbreviations, Chinese company and institution terms in
/// pinyin, Chinese places); nothing here is keyed on a listed party.
/// </remarks>
static class Lexicon
{
    /// <summary>Abbreviations and inflections mapped to one canonical word.</summary>
    static readonly Dictionary<string, string> CanonicalWords = new(StringComparer.Ordinal)
    {
        ["co"] = "company",
        ["cos"] = "company",
        ["comp"] = "company",
        ["cpy"] = "company",
        ["companies"] = "company",
        ["ltd"] = "limited",
        ["ltda"] = "limited",
        ["lt"] = "limited",
        ["ltd."] = "limited",
        ["corp"] = "corporation",
        ["corpn"] = "corporation",
        ["corporations"] = "corporation",
        ["inc"] = "incorporated",
        ["incorp"] = "incorporated",
        ["tech"] = "technology",
        ["techn"] = "technology",
        ["technologies"] = "technology",
        ["technological"] = "technology",
        ["techs"] = "technology",
        ["technik"] = "technology",
        ["tecnologia"] = "technology",
        ["technologii"] = "technology",
        ["grp"] = "group",
        ["gp"] = "group",
        ["groups"] = "group",
        ["grupo"] = "group",
        ["gruppa"] = "group",
        ["intl"] = "international",
        ["int'l"] = "international",
        ["internat"] = "international",
        ["inter"] = "international",
        ["comm"] = "communication",
        ["comms"] = "communication",
        ["communications"] = "communication",
        ["telecom"] = "telecommunication",
        ["telecommunications"] = "telecommunication",
        ["telecoms"] = "telecommunication",
        ["imp"] = "import",
        ["impt"] = "import",
        ["imports"] = "import",
        ["importing"] = "import",
        ["exp"] = "export",
        ["expt"] = "export",
        ["exports"] = "export",
        ["exporting"] = "export",
        ["elec"] = "electronics",
        ["elect"] = "electronics",
        ["electronic"] = "electronics",
        ["electron"] = "electronics",
        ["electrical"] = "electric",
        ["elektronik"] = "electronics",
        ["hldgs"] = "holding",
        ["hldg"] = "holding",
        ["holdings"] = "holding",
        ["mfg"] = "manufacturing",
        ["mfr"] = "manufacturing",
        ["manufacture"] = "manufacturing",
        ["manufacturer"] = "manufacturing",
        ["svcs"] = "service",
        ["srvces"] = "service",
        ["svc"] = "service",
        ["services"] = "service",
        ["serv"] = "service",
        ["univ"] = "university",
        ["universities"] = "university",
        ["inst"] = "institute",
        ["institutes"] = "institute",
        ["institution"] = "institute",
        ["instituto"] = "institute",
        ["institut"] = "institute",
        ["sci"] = "science",
        ["sciences"] = "science",
        ["scientific"] = "science",
        ["dev"] = "development",
        ["devt"] = "development",
        ["develop"] = "development",
        ["ind"] = "industry",
        ["indus"] = "industry",
        ["industries"] = "industry",
        ["industrial"] = "industry",
        ["eng"] = "engineering",
        ["engg"] = "engineering",
        ["natl"] = "national",
        ["nat"] = "national",
        ["assn"] = "association",
        ["assoc"] = "association",
        ["mgmt"] = "management",
        ["mgt"] = "management",
        ["equip"] = "equipment",
        ["eqpt"] = "equipment",
        ["trdg"] = "trading",
        ["trade"] = "trading",
        ["dept"] = "department",
        ["lab"] = "laboratory",
        ["labs"] = "laboratory",
        ["laboratories"] = "laboratory",
        ["acad"] = "academy",
        ["academies"] = "academy",
        ["aero"] = "aerospace",
        ["avn"] = "aviation",
        ["sys"] = "system",
        ["systems"] = "system",
        ["info"] = "information",
        ["inf"] = "information",
        ["ent"] = "enterprise",
        ["enterprises"] = "enterprise",
        ["bros"] = "brothers",
        ["pte"] = "private",
        ["pvt"] = "private",
        ["priv"] = "private",
        ["&"] = "and",
        ["und"] = "and",
        ["et"] = "and",
        ["y"] = "and",
        ["st"] = "saint",
        ["mt"] = "mount",
        ["hk"] = "hongkong",
        ["prc"] = "china",
        // A country's adjective names the country: "Chinese Academy of Sciences" is written "China Academy of ..." too
        // (and 中国, read by meaning, is "china"). Only adjectives that are no one's given name.
        ["chinese"] = "china",
        ["russian"] = "russia",
        ["iranian"] = "iran",
        ["korean"] = "korea",
        ["syrian"] = "syria",
        ["cuban"] = "cuba",
        ["venezuelan"] = "venezuela",
        ["belarusian"] = "belarus",
        ["ukrainian"] = "ukraine",
        ["pakistani"] = "pakistan",
        ["malaysian"] = "malaysia",
        ["singaporean"] = "singapore",
        ["intel"] = "intelligence",
        ["semicon"] = "semiconductor",
        ["semiconductors"] = "semiconductor",
        ["materials"] = "material",
        ["products"] = "product",
        ["solutions"] = "solution",
        ["networks"] = "network",
        ["instruments"] = "instrument",
        ["devices"] = "device",
        ["components"] = "component",
        ["resources"] = "resource",
        ["investments"] = "investment",
        ["logistic"] = "logistics",
        ["shipping"] = "shipping",
    };

    static readonly HashSet<string> Legal = new(StringComparer.Ordinal)
    {
        "company", "limited", "corporation", "incorporated", "llc", "llp", "lp", "plc", "gmbh", "ag", "kg", "sa", "sas", "sarl",
        "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj", "kk", "jsc", "ojsc", "pjsc", "cjsc", "ojsc", "oao", "zao",
        "ooo", "ao", "pao", "tov", "dat", "pat", "fzc", "fze", "fzco", "llc", "dmcc", "sdn", "bhd", "tbk", "pty", "private",
        "public", "joint", "stock", "sociedad", "anonima", "cv", "sl", "sae", "spj", "doo", "dd", "ad", "eood", "ood",
        "youxian", "gongsi", "youxiangongsi", "gufen", "gufenyouxiangongsi", "zerenyouxiangongsi", "zeren", "jsco", "unitary",
        "establishment", "est", "pe", "chp", "tic", "as", "ltd", "sro", "zrt", "kft", "bt", "sp", "zoo",
    };

    static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "technology", "group", "international", "communication", "telecommunication", "import", "export", "electronics",
        "electric", "holding", "manufacturing", "service", "university", "institute", "science", "development", "industry",
        "engineering", "national", "association", "management", "equipment", "trading", "department", "laboratory",
        "academy", "aerospace", "aviation", "system", "information", "research", "center", "centre", "design", "software",
        "network", "semiconductor", "microelectronics", "material", "product", "solution", "instrument", "device",
        "component", "resource", "investment", "logistics", "shipping", "energy", "power", "machinery", "precision", "optical",
        "optics", "photonics", "computing", "computer", "intelligence", "intelligent", "digital", "data", "security", "defense",
        "defence", "military", "commercial", "industrial", "general", "bureau", "office", "branch", "factory", "plant",
        "works", "agency", "enterprise", "ministry", "state", "new", "high", "advanced", "applied", "global", "world", "trade",
        "chemical", "chemicals", "pharmaceutical", "medical", "bank", "petroleum", "oil", "gas", "steel", "metal", "metals",
        "automation", "control", "smart", "cloud", "microsystem", "integrated", "circuit", "circuits", "chip", "chips",
        "keji", "jishu", "xinxi", "dianzi", "tongxin", "yanjiusuo", "yanjiuyuan", "daxue", "xueyuan", "jituan", "guoji",
        "maoyi", "jinchukou", "gongye", "kexue", "zhizao", "shebei", "hangkong", "hangtian", "ruanjian", "wangluo", "fazhan",
        "touzi", "konggu", "shiye", "zhongxin", "gongcheng", "chuanbo", "weidianzi", "bandaoti", "guangdian", "zhineng",
        "shuju", "anquan", "yiqi", "chuanmei", "wuliu", "nengyuan", "dianqi", "jixie", "zhongdian", "guofang",
    };

    static readonly HashSet<string> Locations = new(StringComparer.Ordinal)
    {
        "china", "zhongguo", "beijing", "shanghai", "shenzhen", "guangzhou", "tianjin", "chongqing", "wuhan", "chengdu",
        "hangzhou", "nanjing", "xian", "hefei", "changsha", "harbin", "dalian", "qingdao", "suzhou", "xiamen", "zhuhai",
        "dongguan", "ningbo", "jinan", "shenyang", "zhengzhou", "kunming", "wuxi", "changchun", "taiyuan", "fuzhou",
        "nanchang", "nanning", "guiyang", "lanzhou", "urumqi", "hohhot", "shijiazhuang", "mianyang", "hongkong", "hong",
        "kong", "xianggang", "macau", "macao", "aomen", "taiwan", "taipei", "guangdong", "jiangsu", "zhejiang", "sichuan",
        "hubei", "hunan", "shandong", "henan", "hebei", "shaanxi", "shanxi", "fujian", "anhui", "liaoning", "jilin",
        "heilongjiang", "yunnan", "guizhou", "guangxi", "hainan", "xinjiang", "tibet", "xizang", "gansu", "ningxia",
        "qinghai", "jiangxi", "mongolia", "russia", "moscow", "iran", "tehran", "korea", "pyongyang",
        "syria", "damascus", "cuba", "havana", "venezuela", "belarus", "minsk", "ukraine", "crimea", "uae", "dubai",
        "emirates", "turkey", "istanbul", "singapore", "malaysia", "pakistan", "karachi", "lahore", "india", "germany",
        "america", "usa", "asia", "europe", "pacific", "middle", "east", "west", "north", "south", "central", "eastern",
        "western", "northern", "southern", "hk", "sar", "region", "province", "city", "us", "uk",
    };

    static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "and", "of", "the", "for", "in", "at", "on", "de", "la", "le", "les", "el", "los", "las", "del", "da", "do", "dos",
        "das", "der", "die", "des", "du", "van", "von", "al", "bin", "ibn", "an", "zu",
    };

    /// <summary>Pinyin company and institution terms, written as Han syllables are joined (你好 -> "nihao").</summary>
    static readonly Dictionary<string, string> Pinyin = new(StringComparer.Ordinal)
    {
        ["youxiangongsi"] = "limited company",
        ["gufenyouxiangongsi"] = "joint stock limited company",
        ["zerenyouxiangongsi"] = "limited company",
        ["youxianzerengongsi"] = "limited company",
        ["gongsi"] = "company",
        ["youxian"] = "limited",
        ["gufen"] = "joint stock",
        ["jituan"] = "group",
        ["keji"] = "technology",
        ["jishu"] = "technology",
        ["xinxi"] = "information",
        ["dianzi"] = "electronics",
        ["tongxin"] = "communication",
        ["yanjiusuo"] = "institute",
        ["yanjiuyuan"] = "institute",
        ["daxue"] = "university",
        ["xueyuan"] = "academy",
        ["guoji"] = "international",
        ["maoyi"] = "trading",
        ["jinchukou"] = "import export",
        ["gongye"] = "industry",
        ["kexue"] = "science",
        ["kexueyuan"] = "academy science",
        ["zhizao"] = "manufacturing",
        ["shebei"] = "equipment",
        ["hangkong"] = "aviation",
        ["hangtian"] = "aerospace",
        ["ruanjian"] = "software",
        ["wangluo"] = "network",
        ["fazhan"] = "development",
        ["touzi"] = "investment",
        ["konggu"] = "holding",
        ["zhongxin"] = "center",
        ["gongcheng"] = "engineering",
        ["bandaoti"] = "semiconductor",
        ["weidianzi"] = "microelectronics",
        ["zhineng"] = "intelligent",
        ["anquan"] = "security",
        ["yiqi"] = "instrument",
        ["wuliu"] = "logistics",
        ["nengyuan"] = "energy",
        ["dianqi"] = "electric",
        ["jixie"] = "machinery",
        ["guofang"] = "defense",
        ["chanye"] = "industry",
        ["shiye"] = "industry",
        ["qiye"] = "enterprise",
        ["jiaotong"] = "transport",
        ["yinhang"] = "bank",
        ["gangtie"] = "steel",
        ["huagong"] = "chemical",
        ["yiyao"] = "pharmaceutical",
        ["guangxue"] = "optics",
        ["zhongguo"] = "china",
        ["beijing"] = "beijing",
        ["shanghai"] = "shanghai",
        ["shenzhen"] = "shenzhen",
        ["guangzhou"] = "guangzhou",
        ["tianjin"] = "tianjin",
        ["xianggang"] = "hongkong",
        ["aomen"] = "macau",
        ["chongqing"] = "chongqing",
        ["wuhan"] = "wuhan",
        ["chengdu"] = "chengdu",
        ["hangzhou"] = "hangzhou",
        ["nanjing"] = "nanjing",
        ["xian"] = "xian",
        ["hefei"] = "hefei",
        ["changsha"] = "changsha",
        ["haerbin"] = "harbin",
        ["dalian"] = "dalian",
        ["jinan"] = "jinan",
        ["suzhou"] = "suzhou",
        ["mianyang"] = "mianyang",
        ["guangdong"] = "guangdong",
        ["jiangsu"] = "jiangsu",
        ["zhejiang"] = "zhejiang",
        ["sichuan"] = "sichuan",
        ["shandong"] = "shandong",
        ["fenggongsi"] = "branch company",
        ["zonggongsi"] = "head company",
        ["youxiangongsifengongsi"] = "limited company branch",
    };

    /// <summary>Multi-word legal forms and names written out, mapped to their short form (before abbreviation expansion).</summary>
    static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["limited liability company"] = "llc",
        ["limited liability partnership"] = "llp",
        ["limited partnership"] = "lp",
        ["public limited company"] = "plc",
        ["private limited company"] = "limited",
        ["company limited"] = "company limited",
        ["joint stock company"] = "jsc",
        ["open joint stock company"] = "ojsc",
        ["closed joint stock company"] = "cjsc",
        ["public joint stock company"] = "pjsc",
        ["aktiengesellschaft"] = "ag",
        ["aktiengeselschaft"] = "ag",
        ["gesellschaft mit beschrankter haftung"] = "gmbh",
        ["societatea cu raspundere limitata"] = "srl",
        ["societa a responsabilita limitata"] = "srl",
        ["sociedad anonima"] = "sa",
        ["societe anonyme"] = "sa",
        ["sociedad de responsabilidad limitada"] = "srl",
        ["sociedade anonima"] = "sa",
        ["societa per azioni"] = "spa",
        ["obshchestvo s ogranichennoi otvetstvennostiu"] = "ooo",
        ["obshchestvo s ogranichennoy otvetstvennostyu"] = "ooo",
        ["aktsionernoe obshchestvo"] = "ao",
        ["otkrytoe aktsionernoe obshchestvo"] = "ojsc",
        ["zakrytoe aktsionernoe obshchestvo"] = "cjsc",
        ["publichnoe aktsionernoe obshchestvo"] = "pjsc",
        ["tovarystvo z obmezhenoiu vidpovidalnistiu"] = "tov",
        ["spolka z ograniczona odpowiedzialnoscia"] = "sp zoo",
        ["besloten vennootschap"] = "bv",
        ["naamloze vennootschap"] = "nv",
        ["united states of america"] = "us",
        ["united states"] = "us",
        ["united kingdom"] = "uk",
        ["great britain"] = "uk",
        ["united arab emirates"] = "uae",
        ["peoples republic of china"] = "china",
        ["people republic of china"] = "china",
        ["hong kong"] = "hongkong",
        ["import and export"] = "import export",
        ["imp and exp"] = "import export",
        ["i e"] = "import export",
        ["sdn bhd"] = "sdn bhd",
        ["pty ltd"] = "pty limited",
    };

    /// <summary>Equivalent legal forms across languages are folded to one token.</summary>
    static readonly Dictionary<string, string> LegalSynonyms = new(StringComparer.Ordinal)
    {
        ["oao"] = "ojsc",
        ["zao"] = "cjsc",
        ["pao"] = "pjsc",
        ["ao"] = "jsc",
        ["ooo"] = "llc",
        ["tov"] = "llc",
        ["pat"] = "pjsc",
        ["vat"] = "ojsc",
        ["prat"] = "pjsc",
        ["sro"] = "llc",
        ["doo"] = "llc",
        ["eood"] = "llc",
        ["ood"] = "llc",
        ["kft"] = "llc",
        ["usa"] = "us",
        ["uk"] = "uk",
    };

    static readonly Dictionary<string, string> Numbers = new(StringComparer.Ordinal)
    {
        ["one"] = "1",
        ["two"] = "2",
        ["three"] = "3",
        ["four"] = "4",
        ["five"] = "5",
        ["six"] = "6",
        ["seven"] = "7",
        ["eight"] = "8",
        ["nine"] = "9",
        ["ten"] = "10",
        ["eleven"] = "11",
        ["twelve"] = "12",
        ["thirteen"] = "13",
        ["fourteen"] = "14",
        ["fifteen"] = "15",
        ["sixteen"] = "16",
        ["seventeen"] = "17",
        ["eighteen"] = "18",
        ["nineteen"] = "19",
        ["twenty"] = "20",
        ["thirty"] = "30",
        ["forty"] = "40",
        ["fourty"] = "40",
        ["fifty"] = "50",
        ["sixty"] = "60",
        ["seventy"] = "70",
        ["eighty"] = "80",
        ["ninety"] = "90",
        ["hundred"] = "100",
        ["first"] = "1",
        ["second"] = "2",
        ["third"] = "3",
        ["fourth"] = "4",
        ["fifth"] = "5",
        ["sixth"] = "6",
        ["seventh"] = "7",
        ["eighth"] = "8",
        ["ninth"] = "9",
        ["tenth"] = "10",
        ["eleventh"] = "11",
        ["twelfth"] = "12",
        ["1st"] = "1",
        ["2nd"] = "2",
        ["3rd"] = "3",
        ["ii"] = "2",
        ["iii"] = "3",
        ["iv"] = "4",
        ["vi"] = "6",
        ["vii"] = "7",
        ["viii"] = "8",
        ["ix"] = "9",
        ["xii"] = "12",
        ["xiii"] = "13",
        ["xiv"] = "14",
        ["xv"] = "15",
        ["xvi"] = "16",
        ["xvii"] = "17",
        ["xviii"] = "18",
        ["xix"] = "19",
        ["xx"] = "20",
    };

    /// <summary>Longest phrase in words.</summary>
    public const int MaxPhraseWords = 6;

    public static bool TryPhrase(string words, out string replacement) => Phrases.TryGetValue(words, out replacement!);

    static readonly HashSet<string> PhraseStarts = [.. Phrases.Keys.Select(k => k.Split(' ')[0])];

    /// <summary>True when some phrase starts with this word; most words start none, which saves the lookups.</summary>
    public static bool StartsPhrase(string word) => PhraseStarts.Contains(word);

    /// <summary>A number word or ordinal as digits ("forty" -> "40", "4th" -> "4"), or null.</summary>
    public static string? Number(string token)
    {
        if (Numbers.TryGetValue(token, out var digits))
        {
            return digits;
        }

        if (token.Length >= 3 && char.IsAsciiDigit(token[0]) && token[^2..] is "st" or "nd" or "rd" or "th"
            && token[..^2].All(char.IsAsciiDigit))
        {
            return token[..^2];
        }

        return null;
    }

    /// <summary>Longest number of Han syllables a pinyin lexicon word spans.</summary>
    public const int MaxPinyinSyllables = 9;

    public static bool TryPinyin(string joined, out string words) => Pinyin.TryGetValue(joined, out words!);

    /// <summary>The entries of every table: canonical words, legal forms, generic, place and stop words, pinyin, phrases,
    /// legal-form synonyms and numbers.</summary>
    public static int Entries => CanonicalWords.Count + Legal.Count + Generic.Count + Locations.Count + Stop.Count + Pinyin.Count
        + Phrases.Count + LegalSynonyms.Count + Numbers.Count;

    static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PinyinBySpan = Pinyin.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary><see cref="TryPinyin(string, out string)"/> for syllables joined in a buffer, without making a string of
    /// each run tried (most runs are not terms).</summary>
    public static bool TryPinyin(ReadOnlySpan<char> joined, out string words) => PinyinBySpan.TryGetValue(joined, out words!);

    public static string Canonical(string token)
    {
        if (LegalSynonyms.TryGetValue(token, out var synonym))
        {
            return synonym;
        }

        if (CanonicalWords.TryGetValue(token, out var canonical))
        {
            return canonical;
        }

        if (token.Length > 4 && token[^1] == 's' && token[^2] != 's')
        {
            var singular = token[..^1];
            if (Generic.Contains(singular) || Legal.Contains(singular))
            {
                return singular;
            }
        }

        return token;
    }

    public static TokenKind Classify(string canonical) =>
        Legal.Contains(canonical) ? TokenKind.LegalForm
        : Stop.Contains(canonical) ? TokenKind.Stop
        : Locations.Contains(canonical) ? TokenKind.Location
        : Generic.Contains(canonical) ? TokenKind.Generic
        : TokenKind.Name;
}
