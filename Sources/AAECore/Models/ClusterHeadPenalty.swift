import Foundation

/// The dimensionality-reduction AAE's cost on its cluster heads (Makhzani et al.,
/// 2015, Section 7): `Σ_{i<j} max(0, η − ‖wᵢ − wⱼ‖)` over the rows `wᵢ` of `W_c`,
/// which pushes apart every two heads closer than the threshold `η` and leaves the
/// others alone, so that the clusters of the low-dimensional representation do not
/// collapse onto each other.
public struct ClusterHeadPenalty: Sendable {
    /// The distance below which two heads are pushed apart.
    public let threshold: Float

    public init(threshold: Float) {
        precondition(threshold > 0, "the cluster heads' threshold must be positive")
        self.threshold = threshold
    }

    /// The penalty of the `heads × dimension` matrix `heads` (row-major), with its
    /// gradient written (not added) into `gradient`. Two heads at the same point
    /// have no direction to part in and contribute no gradient.
    @discardableResult
    public func apply(_ weights: UnsafePointer<Float>, heads: Int, dimension: Int,
                      gradient: UnsafeMutablePointer<Float>) -> Float {
        gradient.update(repeating: 0, count: heads * dimension)
        var total: Float = 0
        for i in 0..<heads {
            for j in (i + 1)..<heads {
                var squared: Float = 0
                for k in 0..<dimension {
                    let d = weights[i * dimension + k] - weights[j * dimension + k]
                    squared += d * d
                }
                let distance = squared.squareRoot()
                guard distance < threshold else { continue }
                total += threshold - distance
                guard distance > 0 else { continue }
                for k in 0..<dimension {
                    let direction = (weights[i * dimension + k] - weights[j * dimension + k]) / distance
                    gradient[i * dimension + k] -= direction
                    gradient[j * dimension + k] += direction
                }
            }
        }
        return total
    }
}
