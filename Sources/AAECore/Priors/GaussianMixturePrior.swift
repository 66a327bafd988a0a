import Foundation

/// An equal-weight mixture of `componentCount` elongated 2-D Gaussians whose
/// means lie evenly on a circle: the "mixture of 10 2-D Gaussians" prior of the
/// AAE paper (Makhzani et al., 2015, Figs. 2 and 4), in the layout of the
/// popular reimplementations.
///
/// Component `j` sits at angle `θ_j = 2πj/k`, mean `radius·(cos θ_j, sin θ_j)`.
/// It is a Gaussian stretched along its own radial direction: a sample is
/// `(radius + radialStd·z₁)·u_j + tangentialStd·z₂·v_j`, with `u_j` the unit
/// radial and `v_j` the unit tangential vector, so the components form the
/// petals of the paper's figure. The defaults (radius 1.4, radial std 0.5,
/// tangential std 0.1) are those reimplementations' constants.
///
/// For codes of more than two dimensions the circle lies in the first two and
/// every further coordinate is `N(0, tangentialStd²)`: each component stays
/// elongated along its radial direction only and narrow in all others. A
/// one-dimensional code keeps the first coordinate of the 2-D layout.
///
/// Every marginal is an exact mixture of normals (a rotated Gaussian projects
/// onto an axis as a Gaussian of variance `cos²θ·σ_r² + sin²θ·σ_t²`), so
/// `marginalCDF` is exact in every dimension.
public struct GaussianMixturePrior: LabelConditionedPrior {
    public let dimension: Int
    /// The number of components `k`; labels name components `0..<k`.
    public let componentCount: Int
    /// The distance of every component's mean from the origin.
    public let radius: Float
    /// A component's standard deviation along its radial direction.
    public let radialStd: Float
    /// A component's standard deviation across its radial direction, and in
    /// dimensions beyond the second.
    public let tangentialStd: Float
    private let directions: [(cos: Double, sin: Double)]

    public init(dimension: Int, components: Int = 10, radius: Float = 1.4,
                radialStd: Float = 0.5, tangentialStd: Float = 0.1) {
        precondition(components > 0, "a mixture needs at least one component")
        precondition(radius >= 0, "radius must not be negative")
        precondition(radialStd > 0 && tangentialStd > 0, "component standard deviations must be positive")
        self.dimension = dimension
        self.componentCount = components
        self.radius = radius
        self.radialStd = radialStd
        self.tangentialStd = tangentialStd
        directions = (0..<components).map {
            let angle = 2 * Double.pi * Double($0) / Double(components)
            return (cos(angle), sin(angle))
        }
    }

    /// The mean of component `component` (zero beyond the first two coordinates).
    public func mean(ofComponent component: Int) -> [Float] {
        let direction = directions[component]
        let plane = [Float(Double(radius) * direction.cos), Float(Double(radius) * direction.sin)]
        return Array((plane + [Float](repeating: 0, count: max(dimension - 2, 0))).prefix(dimension))
    }

    public func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        for row in 0..<rows {
            let component = random.nextInt(below: componentCount)
            sampleRow(component: component, into: destination + row * dimension, random: &random)
        }
    }

    public func sample(rows: Int, labels: UnsafePointer<Int32>, into destination: UnsafeMutablePointer<Float>,
                       random: inout RandomGenerator) {
        for row in 0..<rows {
            let component = Int(labels[row])
            guard (0..<componentCount).contains(component) else {
                fatalError("label \(component) names no mixture component")
            }
            sampleRow(component: component, into: destination + row * dimension, random: &random)
        }
    }

    public func marginalCDF(_ x: Double, dimension index: Int) -> Double? {
        let radialVariance = Double(radialStd) * Double(radialStd)
        let tangentialVariance = Double(tangentialStd) * Double(tangentialStd)
        guard index < 2 else { return SpecialFunctions.normalCDF(x, std: Double(tangentialStd)) }
        var total = 0.0
        for direction in directions {
            let along = index == 0 ? direction.cos : direction.sin
            let across = index == 0 ? direction.sin : direction.cos
            let std = (along * along * radialVariance + across * across * tangentialVariance).squareRoot()
            total += SpecialFunctions.normalCDF(x, mean: Double(radius) * along, std: std)
        }
        return total / Double(componentCount)
    }

    private func sampleRow(component: Int, into row: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        let direction = directions[component]
        let radial = Double(radius) + Double(radialStd) * random.nextNormal()
        let tangential = Double(tangentialStd) * random.nextNormal()
        row[0] = Float(radial * direction.cos - tangential * direction.sin)
        guard dimension > 1 else { return }
        row[1] = Float(radial * direction.sin + tangential * direction.cos)
        for index in 2..<dimension {
            row[index] = tangentialStd * Float(random.nextNormal())
        }
    }
}
