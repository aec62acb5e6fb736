/** Fixtures for tests of every module: never on a service's runtime classpath. */
@NullMarked
package com.aimedia.gateway.testsupport;

import org.jspecify.annotations.NullMarked;
