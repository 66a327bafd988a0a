import Foundation

/// Two interleaving half circles, as scikit-learn's `make_moons`: label 0 is
/// (cos θ, sin θ), label 1 is (1 − cos θ, 0.5 − sin θ), θ uniform in [0, π],
/// plus normal noise of standard deviation `noise` on both coordinates.
public struct SyntheticMoons: SyntheticDataset {
    public let noise: Float

    public init(noise: Float) {
        self.noise = noise
    }

    public var featureCount: Int { 2 }
    public var classCount: Int { 2 }

    public func point(label: Int, random: inout RandomGenerator) -> [Float] {
        let theta = Double.pi * random.nextDouble()
        let (x, y) = label == 0 ? (cos(theta), sin(theta)) : (1 - cos(theta), 0.5 - sin(theta))
        return [Float(x) + random.normal(std: noise), Float(y) + random.normal(std: noise)]
    }
}
