namespace Clearance.Lists;

/// <summary>A whole list file cannot be read (unknown format, wrong header, not UTF-8); names the file and line.</summary>
public sealed class ListFormatException(string message) : Exception(message);
