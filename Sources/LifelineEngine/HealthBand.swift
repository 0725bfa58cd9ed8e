/// SPEC §4 bands of a health score: good from 7.5, fair from 5, poor below.
public enum HealthBand: Int, Sendable, CaseIterable {
    case good, fair, poor

    public var name: String { ["good", "fair", "poor"][rawValue] }

    public init(health: Double) {
        self = health >= 7.5 ? .good : health >= 5 ? .fair : .poor
    }
}
