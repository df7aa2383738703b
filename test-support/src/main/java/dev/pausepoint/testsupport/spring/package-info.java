/** Spring test glue: the annotation and initializer that hand real servers to a test context. */
package dev.pausepoint.testsupport.spring;
