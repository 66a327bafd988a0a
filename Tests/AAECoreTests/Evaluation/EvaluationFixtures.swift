import AAECore

/// Synthetic codes for the evaluation tests, all drawn with `RandomGenerator`.
enum EvaluationFixtures {
    /// `rows` rows of `dimension` independent `N(mean, std²)` values.
    static func normalRows(_ rows: Int, dimension: Int, mean: Float = 0, std: Float = 1,
                           random: inout RandomGenerator) -> [Float] {
        (0..<(rows * dimension)).map { _ in random.normal(mean: mean, std: std) }
    }

    /// `perClass` points around each centre with isotropic noise `std`, in shuffled
    /// order, with the index of their centre as label.
    static func blobs(centres: [[Float]], perClass: Int, std: Float,
                      random: inout RandomGenerator) -> (codes: [Float], labels: [Int]) {
        var labels = centres.indices.flatMap { Array(repeating: $0, count: perClass) }
        random.shuffle(&labels)
        var codes: [Float] = []
        for label in labels {
            for value in centres[label] { codes.append(value + random.normal(std: std)) }
        }
        return (codes, labels)
    }

    /// `count` centres in `dimension` dimensions, uniform in `[−spread, spread)`.
    static func centres(_ count: Int, dimension: Int, spread: Float, random: inout RandomGenerator) -> [[Float]] {
        (0..<count).map { _ in (0..<dimension).map { _ in random.uniform(-spread, spread) } }
    }

    /// The rows `rows` of row-major `data`.
    static func rows(_ data: [Float], _ rows: Range<Int>, dimension: Int) -> [Float] {
        Array(data[(rows.lowerBound * dimension)..<(rows.upperBound * dimension)])
    }
}
