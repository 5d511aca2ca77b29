package dev.gamingapi.testkit.openapi;

/**
 * One operation of the document.
 *
 * @param method the HTTP method in upper case
 * @param path the path template it is declared under
 * @param pointer the JSON pointer of its Path Item (its parent, which may hold parameters)
 * @param operation the JSON pointer of the Operation Object
 */
record Route(String method, PathTemplate path, String pointer, String operation) {}
