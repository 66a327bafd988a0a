/// The verdict of a comparison, and the exit status `aae-run diff` gives it.
///
/// Kept apart from the detailed result so that the mapping to exit codes, which scripts
/// and the Makefile rely on, is pinned in one place.
public enum DiffOutcome: Equatable, Sendable {
    /// Equal within the tolerance.
    case equal
    /// At least one difference.
    case different
    /// The comparison could not be made (see `DiffError`).
    case failed

    /// 0 for `equal`, 1 for `different`, 2 for `failed`, like `diff(1)`.
    public var exitCode: Int32 {
        switch self {
        case .equal: return 0
        case .different: return 1
        case .failed: return 2
        }
    }
}
