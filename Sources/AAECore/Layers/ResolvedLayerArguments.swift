/// A layer's arguments with symbolic sizes replaced by numbers, as a
/// `LayerDefinition` reads them.
public struct ResolvedLayerArguments: Sendable {
    let values: [String: LayerArgument]
    let latent: Int
    let input: Int
    let labels: Int

    /// `values` with `latent`, `input` and `labels` standing for the code size,
    /// the example size and the number of classes.
    public init(values: [String: LayerArgument], latent: Int, input: Int, labels: Int) {
        self.values = values
        self.latent = latent
        self.input = input
        self.labels = labels
    }

    public func size(_ name: String) -> Int {
        guard case .size(let size) = values[name] else { preconditionFailure("\(name) is not a size") }
        return size.resolve(latent: latent, input: input, labels: labels)
    }

    public func number(_ name: String) -> Float {
        guard case .number(let value) = values[name] else { preconditionFailure("\(name) is not a number") }
        return Float(value)
    }

    /// A window argument as (height, width).
    public func window(_ name: String) -> (height: Int, width: Int) {
        guard case .window(let height, let width) = values[name] else { preconditionFailure("\(name) is not a window") }
        return (height, width)
    }

    public func choice(_ name: String) -> String {
        guard case .choice(let word) = values[name] else { preconditionFailure("\(name) is not a choice") }
        return word
    }

    /// A shape argument as a map shape.
    public func shape(_ name: String) -> FeatureShape {
        guard case .shape(let height, let width, let channels) = values[name] else {
            preconditionFailure("\(name) is not a shape")
        }
        return .map(height: height, width: width, channels: channels)
    }

    public func flag(_ name: String) -> Bool {
        guard case .flag(let value) = values[name] else { preconditionFailure("\(name) is not a flag") }
        return value
    }
}
