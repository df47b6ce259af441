"""factx's shipped rule data (JSON Lines tables); see factx.patterns for the schema."""
