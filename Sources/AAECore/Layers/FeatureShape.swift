/// The shape of one example's values as a layer reads or writes them: a vector
/// of features, or a feature map of height × width × channels.
///
/// Maps are stored NHWC: a batch is a `[batch, height · width · channels]`
/// matrix whose row holds one example's pixels row by row, each pixel's channels
/// side by side. A map and a vector of the same size are therefore the same
/// memory, so `flatten` and `reshape` change only the shape a layer is told,
/// never the values; batch normalisation over a map normalises each channel over
/// the `batch · height · width` rows of its `[…, channels]` view.
public struct FeatureShape: Sendable, Hashable, CustomStringConvertible {
    public let height: Int
    public let width: Int
    /// The channels of a map; the features of a vector.
    public let channels: Int
    /// Whether the values are a feature map (as opposed to a vector).
    public let isMap: Bool

    /// A vector of `features` values.
    public static func vector(_ features: Int) -> FeatureShape {
        FeatureShape(height: 1, width: 1, channels: features, isMap: false)
    }

    /// A `height × width × channels` map.
    public static func map(height: Int, width: Int, channels: Int) -> FeatureShape {
        FeatureShape(height: height, width: width, channels: channels, isMap: true)
    }

    /// The number of values of one example (saturating at `Int.max`).
    public var features: Int {
        LayerFootprint.product(LayerFootprint.product(height, width), channels)
    }

    /// The shape as Keras' `model.summary()` prints it: `(None, 14, 14, 32)`, `(None, 784)`.
    public var kerasShape: String {
        isMap ? "(None, \(height), \(width), \(channels))" : "(None, \(channels))"
    }

    /// `7×7×32` for a map, `784 features` for a vector.
    public var description: String {
        isMap ? "\(height)×\(width)×\(channels)" : "\(channels) features"
    }

    /// `a 7×7×32 map` or `784 features`, for messages.
    public var phrase: String { isMap ? "a \(description) map" : description }
}
