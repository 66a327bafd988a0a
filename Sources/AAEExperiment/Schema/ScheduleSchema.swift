extension ScheduleSetting {
    /// Every key a `schedule` mapping may have, of any kind.
    static var keys: [String] {
        ["kind"] + Set(ScheduleRegistry.definitions.flatMap(\.settingNames)).sorted()
    }

    /// Reads `schedule: {kind: …, …}`; a phase's schedule inherits `base`'s
    /// values when it names the same kind (or none).
    static func read(_ node: ConfigNode, inheriting base: ScheduleSetting) -> ScheduleSetting? {
        guard let fields = node.fields(keys) else { return nil }
        let kind = fields.optional("kind", base.kind) { $0.string(oneOf: ScheduleRegistry.names) }
        guard let definition = ScheduleRegistry.definition(kind) else { return nil }
        let inherited = base.kind == kind ? base : ScheduleSetting(kind: kind)
        let allSwitches = Set(ScheduleRegistry.definitions.flatMap(\.switches))
        let parameters = fields.hyperparameters(definition.parameters, of: kind, inherited: inherited.parameters,
                                                ignoring: ["kind"] + allSwitches.sorted())
        for name in definition.wholeNumbers {
            if let value = parameters[name], value != value.rounded() {
                fields[name]?.error("expected a whole number, found \(value.formatted)")
            }
        }
        var switches: [String: Bool] = [:]
        for name in allSwitches.sorted() {
            if definition.switches.contains(name) {
                switches[name] = fields.optional(name, inherited.switches[name] ?? false) { $0.bool() }
            } else if let value = fields[name] {
                let takes = definition.settingNames.isEmpty ? "it takes no settings"
                    : "it takes \(definition.settingNames.joined(separator: ", "))"
                value.error("`\(kind)` has no setting `\(name)`; \(takes)")
            }
        }
        return ScheduleSetting(kind: kind, parameters: parameters, switches: switches)
    }

    /// The setting in flow style, e.g. `{kind: step, every: 1000, factor: 0.5}`, as the schema reads it back.
    var flowYAML: String {
        let definition = ScheduleRegistry.definition(kind)
        var entries = ["kind: \(YAMLScalar.string(kind))"]
        for name in definition?.parameters.map(\.name) ?? parameters.keys.sorted() {
            if let value = parameters[name] { entries.append("\(name): \(YAMLScalar.number(value))") }
        }
        for name in definition?.switches ?? switches.keys.sorted() {
            if let value = switches[name] { entries.append("\(name): \(value)") }
        }
        return "{" + entries.joined(separator: ", ") + "}"
    }
}
