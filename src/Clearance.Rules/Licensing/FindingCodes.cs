namespace Clearance.Rules.Licensing;

/// <summary>The stable codes of <see cref="Finding"/>; scripts and tests depend on them.</summary>
public static class FindingCodes
{
    /// <summary>The destination code is treated as another country (Hong Kong as China).</summary>
    public const string DestinationAlias = "DESTINATION_ALIAS";

    /// <summary>Shipping within the United States is not an export.</summary>
    public const string NotAnExport = "NOT_AN_EXPORT";

    /// <summary>A country's group history is unconfirmed in the research.</summary>
    public const string CountryGroupUnconfirmed = "COUNTRY_GROUP_UNCONFIRMED";

    /// <summary>A party was not screened.</summary>
    public const string ScreeningNotPerformed = "SCREENING_NOT_PERFORMED";

    /// <summary>A party may be on a restricted-party list and nobody has looked yet.</summary>
    public const string ScreeningPotentialHit = "SCREENING_POTENTIAL_HIT";

    /// <summary>A hit was dispositioned as a false positive.</summary>
    public const string ScreeningFalsePositive = "SCREENING_FALSE_POSITIVE";

    /// <summary>A party is a confirmed match on the Entity List or MEU List: license for all items.</summary>
    public const string ListedPartyLicense = "LISTED_PARTY_LICENSE";

    /// <summary>A party is a confirmed match on a list that prohibits the transaction.</summary>
    public const string ListedPartyProhibited = "LISTED_PARTY_PROHIBITED";

    /// <summary>A party is on the Unverified List: no license exceptions.</summary>
    public const string ListedPartyNoExceptions = "LISTED_PARTY_NO_EXCEPTIONS";

    /// <summary>A confirmed match on a list with no export license consequence.</summary>
    public const string ListedPartyInformational = "LISTED_PARTY_NO_EXPORT_EFFECT";

    /// <summary>A confirmed match on a list the engine does not know.</summary>
    public const string ListedPartyUnknownList = "LISTED_PARTY_UNKNOWN_LIST";

    /// <summary>A party is 50%-owned by a listed entity while the Affiliates rule applies.</summary>
    public const string AffiliateOfListed = "AFFILIATE_OF_LISTED";

    /// <summary>A party is 50%-owned by a listed entity while the Affiliates rule is suspended.</summary>
    public const string AffiliatesRuleSuspended = "AFFILIATES_RULE_SUSPENDED";

    /// <summary>The destination is embargoed (15 CFR part 746).</summary>
    public const string Embargo = "EMBARGO_PART_746";

    /// <summary>A §744.23 end-use license requirement.</summary>
    public const string EndUse = "END_USE_744_23";

    /// <summary>No advanced-computing entry applies to the item.</summary>
    public const string ItemNotControlled = "ITEM_NOT_ADVANCED_COMPUTING";

    /// <summary>3A991.p / 4A994.l: anti-terrorism controls only.</summary>
    public const string ItemAntiTerrorismOnly = "ITEM_AT_ONLY";

    /// <summary>The item could not be classified.</summary>
    public const string ClassificationIndeterminate = "CLASSIFICATION_INDETERMINATE";

    /// <summary>The classification belongs to a different rule set than the one in force.</summary>
    public const string ClassificationVintageMismatch = "CLASSIFICATION_VINTAGE_MISMATCH";

    /// <summary>Datacenter status unknown: treated as designed or marketed for datacenters.</summary>
    public const string DatacenterUnknown = "DATACENTER_UNKNOWN";

    /// <summary>2022 rule: license for 3A090/4A090 to China (Macau from 2023).</summary>
    public const string RsChina2022 = "RS_CHINA_2022";

    /// <summary>2023 rule: license to D:1/D:4/D:5 less A:5/A:6, and Macau.</summary>
    public const string RsAdvancedComputing = "RS_ADVANCED_COMPUTING";

    /// <summary>The destination is outside the advanced-computing license scope.</summary>
    public const string RsOutsideScope = "RS_DESTINATION_OUTSIDE_SCOPE";

    /// <summary>UAE is named in the 3A090/4A090 charts and Supp. 8 entities may be license-free.</summary>
    public const string UaeCharts = "RS_UAE";

    /// <summary>AI Diffusion rule as written: worldwide license for 3A090.a/4A090.a.</summary>
    public const string AiDiffusionWorldwide = "AI_DIFFUSION_WORLDWIDE";

    /// <summary>AI Diffusion rule not enforced: what the as-written reading would require.</summary>
    public const string AiDiffusionNotEnforced = "AI_DIFFUSION_NOT_ENFORCED";

    /// <summary>AI Diffusion rule effective but before its compliance date.</summary>
    public const string AiDiffusionCompliancePending = "AI_DIFFUSION_COMPLIANCE_PENDING";

    /// <summary>A party headquartered in Macau/D:5: license wherever it is located.</summary>
    public const string HeadquartersRule = "HQ_RULE";

    /// <summary>Enforcement of the HQ rule outside the D groups was in doubt (2025-05-13 to 2026-05-30).</summary>
    public const string HeadquartersRuleEnforcementDoubt = "HQ_RULE_ENFORCEMENT_UNCERTAIN";

    /// <summary>BIS guidance of 2026-05-31 confirms the HQ rule is enforced.</summary>
    public const string HeadquartersRuleGuidance = "HQ_RULE_GUIDANCE_2026";

    /// <summary>The review policy chosen and why.</summary>
    public const string ReviewPolicy = "REVIEW_POLICY";

    /// <summary>January 2026 case-by-case policy applies.</summary>
    public const string ChinaCaseByCase = "CHINA_CASE_BY_CASE_2026";

    /// <summary>January 2026 case-by-case policy does not apply, and why.</summary>
    public const string ChinaCaseByCaseNotAvailable = "CHINA_CASE_BY_CASE_NOT_AVAILABLE";

    /// <summary>The item falls in a Section 232 tariff band.</summary>
    public const string Section232Duty = "SECTION_232_DUTY";

    /// <summary>3A090.c (HBM) license requirement.</summary>
    public const string HbmLicense = "HBM_LICENSE";

    /// <summary>License Exception HBM may be available.</summary>
    public const string HbmException = "HBM_EXCEPTION_POSSIBLE";

    /// <summary>An is-informed letter requires a license for this exporter.</summary>
    public const string LetterLicense = "LETTER_LICENSE_REQUIRED";

    /// <summary>An is-informed letter covers the item but binds another company.</summary>
    public const string LetterOtherExporter = "LETTER_BINDS_OTHER_EXPORTER";

    /// <summary>License Exception NAC is available.</summary>
    public const string NacAvailable = "NAC_AVAILABLE";

    /// <summary>NAC: 25-day prior notice to BIS.</summary>
    public const string NacNotice = "NAC_NOTICE";

    /// <summary>License Exception ACA is available.</summary>
    public const string AcaAvailable = "ACA_AVAILABLE";

    /// <summary>NAC/ACA: written purchase order required.</summary>
    public const string ExceptionPurchaseOrder = "NAC_ACA_PURCHASE_ORDER";

    /// <summary>NAC/ACA are not available for datacenter 3A090.a items.</summary>
    public const string NacAcaNotForDatacenter = "NAC_ACA_NOT_FOR_DATACENTER_3A090A";

    /// <summary>NAC/ACA are not available where part 744 or 746 requires a license.</summary>
    public const string NacAcaBarred = "NAC_ACA_BARRED_PART_744_746";

    /// <summary>License Exception AIA is available (AI Diffusion rule as written).</summary>
    public const string AiaAvailable = "AIA_AVAILABLE";

    /// <summary>License Exception LPP may be available (AI Diffusion rule as written).</summary>
    public const string LppPossible = "LPP_POSSIBLE";

    /// <summary>A possible Entity List (or MEU) match not yet dispositioned: the license it would require is shown on every line.</summary>
    public const string ListedPartyLicensePending = "LISTED_PARTY_LICENSE_PENDING";

    /// <summary>The recipient matches an entity of supp. no. 8 to part 740 by name: the UAE license requirement is lifted.</summary>
    public const string Supplement8Entity = "SUPPLEMENT_8_ENTITY";

    /// <summary>ACA covers D:1/D:4 destinations only and the destination is in neither; NAC does not apply either.</summary>
    public const string AcaNotAvailable = "ACA_NOT_AVAILABLE";

    /// <summary>A revenue share reported as a condition of licenses for this item (a license term, not an EAR requirement).</summary>
    public const string RevenueShareReported = "REVENUE_SHARE_REPORTED";

    /// <summary>A dated fact about the Chinese side's posture on imports of the item (the second gate).</summary>
    public const string ChinaSidePosture = "CHINA_SIDE_POSTURE";

    /// <summary>The order is dated after the last date the rulebook's sources cover.</summary>
    public const string ResearchHorizon = "RESEARCH_HORIZON";

    /// <summary>The order gives no origin and the answer depends on it: the United States was assumed.</summary>
    public const string OriginAssumed = "ORIGIN_ASSUMED";
}
