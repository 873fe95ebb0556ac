package ai.brokle.migrate.config;

import ai.brokle.migrate.UserError;

/** A parameter, property, URL or credential source is wrong; the message names it and shows the fix. */
public class ConfigurationException extends UserError {

    public ConfigurationException(String message) {
        super(message);
    }
}
