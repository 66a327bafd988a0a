import AAECore

/// A synthetic dataset of the experiment format: its settings with defaults,
/// and what it generates.
public struct SyntheticDatasetDefinition: Sendable {
    public let name: String
    /// Every setting, `count` and `test_count` included.
    public let parameters: [Hyperparameter]
    /// The settings that must be whole numbers.
    public let wholeNumbers: [String]
    /// The generator for validated settings; it may draw from `random` (the blobs' centres).
    public let make: @Sendable (_ parameters: [String: Double], _ random: inout RandomGenerator) -> SyntheticDataset
    /// The number of labels for validated settings, known without generating.
    public let classCount: @Sendable (_ parameters: [String: Double]) -> Int
    /// The values per example for validated settings.
    public let featureCount: @Sendable (_ parameters: [String: Double]) -> Int
}

/// The synthetic datasets a `data.dataset` can name, generated from the
/// experiment's seed. Adding one is one `SyntheticDataset` type in AAECore plus
/// one entry here.
public enum SyntheticDatasetRegistry {
    /// The settings every synthetic set has: training and held-out example counts.
    static let sizes = [Hyperparameter("count", 1000, 1...10_000_000), Hyperparameter("test_count", 500, 1...10_000_000)]

    public static let definitions: [SyntheticDatasetDefinition] = [
        SyntheticDatasetDefinition(name: "blobs", parameters: [
            Hyperparameter("classes", 3, 1...Double(NetworkSizes.classCount)),
            Hyperparameter("features", 2, 1...100_000),
            Hyperparameter("std", 1, Hyperparameter.positive),
        ] + sizes, wholeNumbers: ["classes", "features", "count", "test_count"],
        make: { p, random in
            SyntheticBlobs(classes: Int(p["classes"]!), features: Int(p["features"]!), std: Float(p["std"]!),
                           random: &random)
        }, classCount: { Int($0["classes"]!) }, featureCount: { Int($0["features"]!) }),
        SyntheticDatasetDefinition(name: "swiss_roll", parameters: [
            Hyperparameter("features", 2, 2...3),
            Hyperparameter("segments", 10, 1...Double(NetworkSizes.classCount)),
            Hyperparameter("noise", 0, Hyperparameter.positive),
        ] + sizes, wholeNumbers: ["features", "segments", "count", "test_count"],
        make: { p, _ in
            SyntheticSwissRoll(features: Int(p["features"]!), segments: Int(p["segments"]!), noise: Float(p["noise"]!))
        }, classCount: { Int($0["segments"]!) }, featureCount: { Int($0["features"]!) }),
        SyntheticDatasetDefinition(name: "moons", parameters: [
            Hyperparameter("noise", 0.1, Hyperparameter.positive),
        ] + sizes, wholeNumbers: ["count", "test_count"],
        make: { p, _ in SyntheticMoons(noise: Float(p["noise"]!)) }, classCount: { _ in 2 }, featureCount: { _ in 2 }),
    ]

    public static var names: [String] { definitions.map(\.name) }

    public static func definition(_ name: String) -> SyntheticDatasetDefinition? {
        definitions.first { $0.name == name }
    }

    /// Every setting name of every synthetic set, once each, sorted.
    static var parameterNames: [String] { Set(definitions.flatMap { $0.parameters.map(\.name) }).sorted() }
}
