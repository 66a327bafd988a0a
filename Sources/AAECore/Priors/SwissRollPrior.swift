import Foundation

/// Points along a 2-D swiss-roll spiral: the "swiss roll" prior of the AAE paper
/// (Makhzani et al., 2015, Fig. 4), in the parametrisation of the popular
/// reimplementations.
///
/// A sample draws `u` uniform in `[0, 1)`, sets `s = √u`, and places the point at
/// `scale·s·(cos 2π·turns·s, sin 2π·turns·s)` plus `N(0, noise²)` in each
/// coordinate. The square root makes the density uniform per unit length of
/// an Archimedean spiral. The defaults (scale 3, two turns, i.e. an angle of
/// `4π·√u`) are the reimplementations' constants; they add no noise, the
/// default 0.05 gives the roll the width of the paper's figure.
///
/// The roll is cut into `segments` equal ranges of `u`; labelled sampling draws
/// `u` in `[label/segments, (label + 1)/segments)`, so higher labels lie
/// further out along the roll, as the paper's labelled swiss roll does.
///
/// Coordinates beyond the second are `N(0, noise²)`; a one-dimensional code
/// keeps the first coordinate of the 2-D layout. There is no closed-form
/// marginal CDF.
public struct SwissRollPrior: LabelConditionedPrior {
    public let dimension: Int
    /// The number of labelled segments the roll is cut into.
    public let segments: Int
    /// The distance from the origin of the roll's outer end.
    public let scale: Float
    /// How many times the roll winds around the origin.
    public let turns: Float
    /// The standard deviation of the Gaussian noise added to every coordinate.
    public let noise: Float

    public var componentCount: Int { segments }

    public init(dimension: Int, segments: Int = 10, scale: Float = 3, turns: Float = 2, noise: Float = 0.05) {
        precondition(segments > 0, "a swiss roll needs at least one segment")
        precondition(scale > 0, "scale must be positive")
        precondition(turns >= 0, "turns must not be negative")
        precondition(noise >= 0, "noise must not be negative")
        self.dimension = dimension
        self.segments = segments
        self.scale = scale
        self.turns = turns
        self.noise = noise
    }

    /// The noiseless point of the roll at position `u` in `[0, 1]`.
    public func spiralPoint(at u: Double) -> (x: Double, y: Double) {
        let s = u.squareRoot()
        let radius = Double(scale) * s, angle = 2 * Double.pi * Double(turns) * s
        return (radius * cos(angle), radius * sin(angle))
    }

    public func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        for row in 0..<rows {
            sampleRow(position: random.nextDouble(), into: destination + row * dimension, random: &random)
        }
    }

    public func sample(rows: Int, labels: UnsafePointer<Int32>, into destination: UnsafeMutablePointer<Float>,
                       random: inout RandomGenerator) {
        for row in 0..<rows {
            let segment = Int(labels[row])
            guard (0..<segments).contains(segment) else { fatalError("label \(segment) names no swiss-roll segment") }
            let position = (Double(segment) + random.nextDouble()) / Double(segments)
            sampleRow(position: position, into: destination + row * dimension, random: &random)
        }
    }

    private func sampleRow(position: Double, into row: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        let point = spiralPoint(at: position)
        let noise = Double(noise)
        row[0] = Float(point.x + noise * random.nextNormal())
        guard dimension > 1 else { return }
        row[1] = Float(point.y + noise * random.nextNormal())
        for index in 2..<dimension {
            row[index] = Float(noise * random.nextNormal())
        }
    }
}
