/// A SLURM command that failed or could not run, with its own message and the fix.
public struct SlurmError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
