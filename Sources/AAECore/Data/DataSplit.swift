/// A training set and the held-out set it is evaluated on, with a line saying where they came from.
///
/// The description goes into logs and reports so every result states which split produced it.
public struct DataSplit: CustomStringConvertible, Sendable {
    public let train: LabeledImages
    public let test: LabeledImages
    /// For example "official split: 60000 train / 10000 test".
    public let description: String

    public init(train: LabeledImages, test: LabeledImages, description: String) {
        self.train = train
        self.test = test
        self.description = description
    }
}
