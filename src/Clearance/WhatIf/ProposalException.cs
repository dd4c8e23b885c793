namespace Clearance.WhatIf;

/// <summary>A proposal file that cannot be read or applied: the file, the JSON path and the problem.</summary>
public sealed class ProposalException(string file, string path, string problem)
    : Exception($"{file}: {path}: {problem}")
{
    public string File { get; } = file;

    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
