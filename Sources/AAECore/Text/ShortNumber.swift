extension Double {
    /// A short rendering of a number for messages and layers' short forms (`0.001`, `1`, `1e-07`).
    public var formatted: String {
        if self == rounded(), Swift.abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
