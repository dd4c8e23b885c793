namespace Clearance.Rules.Licensing;

/// <summary>The part a party plays in an order.</summary>
public enum PartyRole
{
    /// <summary>The purchaser.</summary>
    Buyer,

    /// <summary>The party that receives the items.</summary>
    Consignee,

    /// <summary>The party that uses the items.</summary>
    EndUser,

    /// <summary>A forwarder or other intermediate consignee.</summary>
    Intermediate,
}
