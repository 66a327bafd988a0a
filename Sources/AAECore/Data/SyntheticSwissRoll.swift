import Foundation

/// The swiss roll of scikit-learn's `make_swiss_roll`: a position
/// t ∈ [1.5π, 4.5π] gives the point (t·cos t, t·sin t) in 2-D, or
/// (t·cos t, h, t·sin t) with a height h uniform in [0, 21] in 3-D, plus normal
/// noise of standard deviation `noise` on every coordinate.
///
/// The range of t is cut into `segments` equal parts and an example's label is
/// its part: t is drawn uniformly within the part of the example's label.
public struct SyntheticSwissRoll: SyntheticDataset {
    /// The range of the position along the roll.
    public static let positions: ClosedRange<Double> = 1.5 * Double.pi...4.5 * Double.pi
    /// The height of the 3-D roll.
    public static let height: Double = 21

    public let featureCount: Int
    public let segments: Int
    public let noise: Float

    public init(features: Int, segments: Int, noise: Float) {
        precondition(features == 2 || features == 3, "a swiss roll is 2-D or 3-D")
        precondition(segments >= 1, "a swiss roll needs at least one segment")
        featureCount = features
        self.segments = segments
        self.noise = noise
    }

    public var classCount: Int { segments }

    public func point(label: Int, random: inout RandomGenerator) -> [Float] {
        let span = Self.positions.upperBound - Self.positions.lowerBound
        let t = Self.positions.lowerBound + span * (Double(label) + random.nextDouble()) / Double(segments)
        var coordinates = [t * cos(t)]
        if featureCount == 3 { coordinates.append(Self.height * random.nextDouble()) }
        coordinates.append(t * sin(t))
        return coordinates.map { Float($0) + random.normal(std: noise) }
    }
}
