/// The range that 8-bit grey levels are mapped to when images are loaded.
///
/// `unit` suits sigmoid decoder outputs and binary cross-entropy; `symmetric` suits tanh
/// outputs. Choosing it at load time keeps the conversion in one place.
public enum PixelScale: String, CaseIterable, Sendable {
    /// `[0, 1]`: byte / 255.
    case unit
    /// `[-1, 1]`: byte / 127.5 − 1.
    case symmetric

    /// The scaled value of one grey level.
    public func value(_ byte: UInt8) -> Float {
        switch self {
        case .unit: return Float(byte) / 255
        case .symmetric: return Float(byte) / 127.5 - 1
        }
    }

    /// Scales every grey level in `bytes`.
    public func values(_ bytes: [UInt8]) -> [Float] {
        switch self {
        case .unit: return bytes.map { Float($0) / 255 }
        case .symmetric: return bytes.map { Float($0) / 127.5 - 1 }
        }
    }

    /// Maps a value on this scale back to `[0, 1]`, for drawing reconstructions and samples.
    public func unitInterval(_ value: Float) -> Float {
        switch self {
        case .unit: return value
        case .symmetric: return (value + 1) / 2
        }
    }
}
