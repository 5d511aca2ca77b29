package dev.gamingapi.server.app;

import dev.gamingapi.server.PlatformException;

/** The platform configuration is incomplete or inconsistent; the message names the setting. */
public final class InvalidConfigException extends PlatformException {
  InvalidConfigException(String message) {
    super(message);
  }
}
