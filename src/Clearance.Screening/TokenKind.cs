namespace Clearance.Screening;

/// <summary>What a name token is, which decides how much it weighs when names are compared.</summary>
public enum TokenKind
{
    /// <summary>A distinctive word of the name.</summary>
    Name,

    /// <summary>An industry or organisation term (technology, electronics, institute, group …).</summary>
    Generic,

    /// <summary>A place (Beijing, Hong Kong, China …), often a qualifier like "(Beijing)".</summary>
    Location,

    /// <summary>A legal form (Co., Ltd., 有限公司, JSC, GmbH …).</summary>
    LegalForm,

    /// <summary>A function word (and, of, the, de …).</summary>
    Stop,
}
