// Clients that read a workspace also escape its text and read its settings'
// TOML; re-exporting the two small modules keeps that one import.
@_exported import LifelineText
@_exported import LifelineTOML
