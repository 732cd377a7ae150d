// studio bundle not built: the placeholder the Rust server embeds.
