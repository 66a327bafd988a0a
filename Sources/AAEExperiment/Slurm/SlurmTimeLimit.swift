/// A task's time limit as `sbatch --time` reads it: `minutes`, `minutes:seconds`,
/// `hours:minutes:seconds`, `days-hours`, `days-hours:minutes` or
/// `days-hours:minutes:seconds`; `infinite`/`unlimited` for none.
public struct SlurmTimeLimit: Sendable, Equatable {
    /// The limit in seconds; nil when it is unlimited.
    public let seconds: Int?

    /// Slurm sends a job's `--signal` up to this many seconds earlier than asked
    /// (sbatch(1): "due to the resolution of event handling").
    public static let signalEarliness = 60

    /// - Throws: `SlurmError` naming the forms sbatch reads when `text` is none of them.
    public init(_ text: String) throws {
        if ["infinite", "unlimited"].contains(text.lowercased()) {
            seconds = nil
            return
        }
        let invalid = SlurmError("--time \(text): not a time limit sbatch reads; use minutes, MM:SS, HH:MM:SS, "
                                 + "D-HH, D-HH:MM or D-HH:MM:SS")
        let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard dayParts.count <= 2 else { throw invalid }
        let clock = try dayParts.last!.split(separator: ":", omittingEmptySubsequences: false).map { part -> Int in
            guard !part.isEmpty, part.count <= 9, part.allSatisfy(\.isASCII), let value = Int(part), value >= 0 else {
                throw invalid
            }
            return value
        }
        guard (1...3).contains(clock.count) else { throw invalid }
        if dayParts.count == 2 {
            guard let days = Int(dayParts[0]), days >= 0, dayParts[0].count <= 6 else { throw invalid }
            let units = [3600, 60, 1]
            seconds = days * 86_400 + zip(clock, units).map { $0 * $1 }.reduce(0, +)
        } else {
            switch clock.count {
            case 1: seconds = clock[0] * 60
            case 2: seconds = clock[0] * 60 + clock[1]
            default: seconds = clock[0] * 3600 + clock[1] * 60 + clock[2]
            }
        }
    }
}
