/// The state of a run as its folder's status.csv and a sweep's summary.csv name it, in one
/// word: the only place these words are written and read.
///
/// `pending` and `running` are a sweep's words for runs that have not ended; the other four
/// are how a run ends (status.csv holds one of them).
public enum RunState: String, Sendable, CaseIterable {
    case pending, running, completed, diverged, failed, interrupted

    /// The state a status word names; nil for any other text.
    public init?(word: String) { self.init(rawValue: word) }

    /// The word status.csv and summary.csv write.
    public var word: String { rawValue }

    /// Whether the run needs nothing more: it completed, or diverged (which a rerun would repeat).
    public var isFinished: Bool { self == .completed || self == .diverged }

    /// Whether the run ended badly: it diverged or failed.
    public var isBad: Bool { self == .diverged || self == .failed }
}
