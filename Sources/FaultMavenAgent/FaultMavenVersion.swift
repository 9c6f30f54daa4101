/// The agent's version, printed by `faultmaven --version` and served by `/api/status`.
public enum FaultMavenVersion {
    public static let string = "0.1.0"
}
