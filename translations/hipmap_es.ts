<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
    <context>
        <name>app</name>
        <message>
            <source>hipmap suggests muscles to explore; it is not a diagnosis. Numbness, weakness, fever, or bladder or bowel changes need a doctor.</source>
            <translation>hipmap sugiere músculos que explorar; no es un diagnóstico. El entumecimiento, la debilidad, la fiebre o los cambios en la vejiga o el intestino requieren un médico.</translation>
        </message>
        <message>
            <source>hipmap pain maps (*.hipmap.json);;All files (*)</source>
            <translation>Mapas de dolor de hipmap (*.hipmap.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>Cargando</translation>
        </message>
        <message>
            <source>Medical disclaimer</source>
            <translation>Aviso médico</translation>
        </message>
        <message>
            <source>Region under the pointer</source>
            <translation>Región bajo el puntero</translation>
        </message>
        <message>
            <source>Body views</source>
            <translation>Vistas del cuerpo</translation>
        </message>
        <message>
            <source>Body views side by side</source>
            <translation>Vistas del cuerpo, una al lado de otra</translation>
        </message>
        <message>
            <source>Nerve signs: have them examined</source>
            <translation>Signos nerviosos: haga que los examinen</translation>
        </message>
        <message>
            <source>&lt;b&gt;After the routine:&lt;/b&gt; mark your pain as it feels now (the marks from before are kept), then &lt;a href='compare'&gt;compare before and after&lt;/a&gt; (Ctrl+Shift+B).</source>
            <translation>&lt;b&gt;Después de la rutina:&lt;/b&gt; marque su dolor tal como lo siente ahora (las marcas de antes se conservan) y luego &lt;a href='compare'&gt;compare el antes y el después&lt;/a&gt; (Ctrl+Shift+B).</translation>
        </message>
        <message>
            <source>After the routine: mark your pain again, then compare</source>
            <translation>Después de la rutina: marque de nuevo su dolor y luego compare</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>Resultados</translation>
        </message>
        <message>
            <source>Undo: {undoText}</source>
            <translation>Deshacer: {undoText}</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Deshacer</translation>
        </message>
        <message>
            <source>Redo: {redoText}</source>
            <translation>Rehacer: {redoText}</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Rehacer</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Nuevo</translation>
        </message>
        <message>
            <source>Start a new, empty pain map</source>
            <translation>Empezar un mapa de dolor nuevo y vacío</translation>
        </message>
        <message>
            <source>&amp;Open...</source>
            <translation>&amp;Abrir...</translation>
        </message>
        <message>
            <source>Open a saved pain map</source>
            <translation>Abrir un mapa de dolor guardado</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>Save the pain map</source>
            <translation>Guardar el mapa de dolor</translation>
        </message>
        <message>
            <source>Save &amp;As...</source>
            <translation>Guardar &amp;como...</translation>
        </message>
        <message>
            <source>Save the pain map under a new name</source>
            <translation>Guardar el mapa de dolor con otro nombre</translation>
        </message>
        <message>
            <source>Save Session to &amp;History...</source>
            <translation>Guardar la sesión en el &amp;historial...</translation>
        </message>
        <message>
            <source>Keep this visit: the pain map, the muscles shown, the routine and pain ratings</source>
            <translation>Conservar esta visita: el mapa de dolor, los músculos mostrados, la rutina y las puntuaciones de dolor</translation>
        </message>
        <message>
            <source>H&amp;istory...</source>
            <translation>H&amp;istorial...</translation>
        </message>
        <message>
            <source>Past sessions, a chart of pain over time, and comparisons</source>
            <translation>Sesiones anteriores, un gráfico del dolor a lo largo del tiempo y comparaciones</translation>
        </message>
        <message>
            <source>&amp;Export Handout (PDF)...</source>
            <translation>&amp;Exportar la hoja informativa (PDF)...</translation>
        </message>
        <message>
            <source>A printable PDF: your pain, the muscles, what to do and the warning signs</source>
            <translation>Un PDF para imprimir: su dolor, los músculos, qué hacer y las señales de alarma</translation>
        </message>
        <message>
            <source>&amp;Print Handout...</source>
            <translation>Im&amp;primir la hoja informativa...</translation>
        </message>
        <message>
            <source>Print the handout</source>
            <translation>Imprimir la hoja informativa</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>Close hipmap</source>
            <translation>Cerrar hipmap</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>Deshacer el último cambio</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <source>Redo the change you undid</source>
            <translation>Rehacer el cambio que deshizo</translation>
        </message>
        <message>
            <source>C&amp;lear All Marks</source>
            <translation>&amp;Borrar todas las marcas</translation>
        </message>
        <message>
            <source>Remove every mark (can be undone)</source>
            <translation>Quitar todas las marcas (se puede deshacer)</translation>
        </message>
        <message>
            <source>&amp;Mark a Region...</source>
            <translation>&amp;Marcar una región...</translation>
        </message>
        <message>
            <source>Mark a whole region by name, without the mouse</source>
            <translation>Marcar una región entera por su nombre, sin el ratón</translation>
        </message>
        <message>
            <source>&amp;Brush</source>
            <translation>&amp;Pincel</translation>
        </message>
        <message>
            <source>Click or drag on a diagram to mark pain</source>
            <translation>Haga clic o arrastre sobre un diagrama para marcar el dolor</translation>
        </message>
        <message>
            <source>&amp;Eraser</source>
            <translation>&amp;Goma</translation>
        </message>
        <message>
            <source>Drag over marks to erase them</source>
            <translation>Arrastre sobre las marcas para borrarlas</translation>
        </message>
        <message>
            <source>&amp;Pan</source>
            <translation>&amp;Desplazar</translation>
        </message>
        <message>
            <source>Drag to move a zoomed diagram</source>
            <translation>Arrastre para mover un diagrama ampliado</translation>
        </message>
        <message>
            <source>Bigger Brush</source>
            <translation>Pincel más grande</translation>
        </message>
        <message>
            <source>Make the brush bigger (while exploring: the muscle beneath)</source>
            <translation>Agrandar el pincel (al explorar: el músculo de debajo)</translation>
        </message>
        <message>
            <source>Make the brush smaller (while exploring: the muscle above)</source>
            <translation>Reducir el pincel (al explorar: el músculo de encima)</translation>
        </message>
        <message>
            <source>Smaller Brush</source>
            <translation>Pincel más pequeño</translation>
        </message>
        <message>
            <source>Stronger Pain</source>
            <translation>Dolor más fuerte</translation>
        </message>
        <message>
            <source>Rate new marks one step higher</source>
            <translation>Puntuar las marcas nuevas un punto más alto</translation>
        </message>
        <message>
            <source>Milder Pain</source>
            <translation>Dolor más leve</translation>
        </message>
        <message>
            <source>Rate new marks one step lower</source>
            <translation>Puntuar las marcas nuevas un punto más bajo</translation>
        </message>
        <message>
            <source>Pain {level}</source>
            <translation>Dolor {level}</translation>
        </message>
        <message>
            <source>Rate new marks {level} out of 10</source>
            <translation>Puntuar las marcas nuevas con {level} de 10</translation>
        </message>
        <message>
            <source>Pain 10</source>
            <translation>Dolor 10</translation>
        </message>
        <message>
            <source>Rate new marks 10 out of 10</source>
            <translation>Puntuar las marcas nuevas con 10 de 10</translation>
        </message>
        <message>
            <source>Describe new marks as {quality}</source>
            <translation>Describir las marcas nuevas como «{quality}»</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>&amp;Acercar</translation>
        </message>
        <message>
            <source>Zoom in on the diagram</source>
            <translation>Acercar el diagrama</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>A&amp;lejar</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Alejar</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>A&amp;justar a la ventana</translation>
        </message>
        <message>
            <source>Show the whole diagram</source>
            <translation>Mostrar el diagrama completo</translation>
        </message>
        <message>
            <source>&amp;Tabs</source>
            <translation>&amp;Pestañas</translation>
        </message>
        <message>
            <source>One diagram at a time</source>
            <translation>Un diagrama cada vez</translation>
        </message>
        <message>
            <source>&amp;Side by Side</source>
            <translation>&amp;Uno al lado de otro</translation>
        </message>
        <message>
            <source>All diagrams at once</source>
            <translation>Todos los diagramas a la vez</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Espalda</translation>
        </message>
        <message>
            <source>Front</source>
            <translation>Frente</translation>
        </message>
        <message>
            <source>Right Side</source>
            <translation>Lado derecho</translation>
        </message>
        <message>
            <source>Left Side</source>
            <translation>Lado izquierdo</translation>
        </message>
        <message>
            <source>{title} View</source>
            <translation>Vista: {title}</translation>
        </message>
        <message>
            <source>Show the {lower} view</source>
            <translation>Mostrar la vista: {lower}</translation>
        </message>
        <message>
            <source>&amp;High Contrast</source>
            <translation>Alto &amp;contraste</translation>
        </message>
        <message>
            <source>White on black with thick outlines, and stronger marks and zones on the diagrams</source>
            <translation>Blanco sobre negro con contornos gruesos, y marcas y zonas más intensas en los diagramas</translation>
        </message>
        <message>
            <source>Ne&amp;xt Pane</source>
            <translation>Panel &amp;siguiente</translation>
        </message>
        <message>
            <source>Move the keyboard focus to the next part of the window</source>
            <translation>Llevar el foco del teclado a la parte siguiente de la ventana</translation>
        </message>
        <message>
            <source>Pre&amp;vious Pane</source>
            <translation>Panel an&amp;terior</translation>
        </message>
        <message>
            <source>Move the keyboard focus to the previous part of the window</source>
            <translation>Llevar el foco del teclado a la parte anterior de la ventana</translation>
        </message>
        <message>
            <source>Next Muscle</source>
            <translation>Músculo siguiente</translation>
        </message>
        <message>
            <source>Select the next muscle in the list</source>
            <translation>Seleccionar el músculo siguiente de la lista</translation>
        </message>
        <message>
            <source>Previous Muscle</source>
            <translation>Músculo anterior</translation>
        </message>
        <message>
            <source>Select the previous muscle in the list</source>
            <translation>Seleccionar el músculo anterior de la lista</translation>
        </message>
        <message>
            <source>&amp;Muscle</source>
            <translation>&amp;Músculo</translation>
        </message>
        <message>
            <source>Show the selected muscle's shape: where it lies, and the muscles over a deep one</source>
            <translation>Mostrar la forma del músculo elegido: dónde está y los músculos que cubren a uno profundo</translation>
        </message>
        <message>
            <source>Referral &amp;Zones</source>
            <translation>&amp;Zonas de dolor referido</translation>
        </message>
        <message>
            <source>Show where the selected muscle's pain is felt (solid) and can spread (hatched)</source>
            <translation>Mostrar dónde se siente el dolor del músculo elegido (relleno) y hasta dónde puede extenderse (rayado)</translation>
        </message>
        <message>
            <source>&amp;Trigger Points</source>
            <translation>&amp;Puntos gatillo</translation>
        </message>
        <message>
            <source>Show the selected muscle's trigger points (X)</source>
            <translation>Mostrar los puntos gatillo del músculo elegido (X)</translation>
        </message>
        <message>
            <source>&amp;Pain Marks</source>
            <translation>Marcas de &amp;dolor</translation>
        </message>
        <message>
            <source>Show the pain you marked</source>
            <translation>Mostrar el dolor que marcaste</translation>
        </message>
        <message>
            <source>Show hipmap in {language}</source>
            <translation>Mostrar hipmap en {language}</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Tamaño</translation>
        </message>
        <message>
            <source>Pain</source>
            <translation>Dolor</translation>
        </message>
        <message>
            <source>This muscle is not among the muscles whose pain patterns match the pain you marked; it is shown because you chose it.</source>
            <translation>Este músculo no está entre los músculos cuyos patrones de dolor coinciden con el dolor que usted marcó; se muestra porque usted lo eligió.</translation>
        </message>
        <message>
            <source>Start &amp;Routine for This Muscle</source>
            <translation>Iniciar la &amp;rutina de este músculo</translation>
        </message>
        <message>
            <source>Play the tennis-ball hold and stretches for the selected muscle, with a timer</source>
            <translation>Reproducir la presión con pelota de tenis y los estiramientos del músculo seleccionado, con un temporizador</translation>
        </message>
        <message>
            <source>B&amp;uild a Routine...</source>
            <translation>&amp;Crear una rutina...</translation>
        </message>
        <message>
            <source>Combine the muscles that explain your pain into one routine, adjust it and save it</source>
            <translation>Reunir en una sola rutina los músculos que explican su dolor, ajustarla y guardarla</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>Modo &amp;presentación</translation>
        </message>
        <message>
            <source>Full screen for showing a patient: one muscle at a time, trigger points then the pain pattern (Esc returns)</source>
            <translation>Pantalla completa para enseñar a un paciente: un músculo cada vez, primero los puntos gatillo y luego el patrón de dolor (Esc vuelve)</translation>
        </message>
        <message>
            <source>&amp;Compare Before and After</source>
            <translation>C&amp;omparar antes y después</translation>
        </message>
        <message>
            <source>Your pain before the last routine beside your pain now</source>
            <translation>Su dolor antes de la última rutina junto a su dolor de ahora</translation>
        </message>
        <message>
            <source>Check for &amp;Warning Signs...</source>
            <translation>Comprobar las &amp;señales de alarma...</translation>
        </message>
        <message>
            <source>Questions about signs that need a doctor before self-care</source>
            <translation>Preguntas sobre signos que requieren un médico antes del autocuidado</translation>
        </message>
        <message>
            <source>&amp;About hipmap</source>
            <translation>&amp;Acerca de hipmap</translation>
        </message>
        <message>
            <source>Version and disclaimer</source>
            <translation>Versión y aviso</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>Atajos de &amp;teclado</translation>
        </message>
        <message>
            <source>List every keyboard shortcut</source>
            <translation>Ver todos los atajos de teclado</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Abrir &amp;reciente</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Herramientas</translation>
        </message>
        <message>
            <source>Pain Ra&amp;ting for New Marks</source>
            <translation>&amp;Puntuación del dolor de las marcas nuevas</translation>
        </message>
        <message>
            <source>Pain &amp;Quality for New Marks</source>
            <translation>&amp;Tipo de dolor de las marcas nuevas</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>La&amp;yers</source>
            <translation>Capas del &amp;dibujo</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Barra de herramientas principal</translation>
        </message>
        <message>
            <source>Brush size</source>
            <translation>Tamaño del pincel</translation>
        </message>
        <message>
            <source>Brush size ([ and ] change it)</source>
            <translation>Tamaño del pincel ([ y ] lo cambian)</translation>
        </message>
        <message>
            <source>Pain rating for new marks, 0 to 10</source>
            <translation>Puntuación del dolor de las marcas nuevas, de 0 a 10</translation>
        </message>
        <message>
            <source>How strong the pain is, 0 to 10 (keys 0-9, Shift+0 for 10)</source>
            <translation>Cuánto duele, de 0 a 10 (teclas 0-9, Mayús+0 para 10)</translation>
        </message>
        <message>
            <source>Pain rating</source>
            <translation>Puntuación del dolor</translation>
        </message>
        <message>
            <source>More menus</source>
            <translation>Más menús</translation>
        </message>
        <message>
            <source>Mark on the body itself: that spot is outside the diagram.</source>
            <translation>Marque sobre el propio cuerpo: ese punto está fuera del diagrama.</translation>
        </message>
        <message numerus="yes">
            <source>%n mark</source>
            <translation>
                <numerusform>%n marca</numerusform>
                <numerusform>%n marca</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n marks</source>
            <translation>
                <numerusform>%n marcas</numerusform>
                <numerusform>%n marcas</numerusform>
            </translation>
        </message>
        <message>
            <source>Click or drag on a diagram to mark where it hurts.</source>
            <translation>Haga clic o arrastre sobre un diagrama para marcar dónde le duele.</translation>
        </message>
        <message>
            <source>{name}[*] — hipmap</source>
            <translation>{name}[*] — hipmap</translation>
        </message>
        <message>
            <source>Untitled pain map</source>
            <translation>Mapa de dolor sin título</translation>
        </message>
        <message>
            <source>Unsaved marks</source>
            <translation>Marcas sin guardar</translation>
        </message>
        <message>
            <source>Save your marks before closing this pain map?</source>
            <translation>¿Desea guardar sus marcas antes de cerrar este mapa de dolor?</translation>
        </message>
        <message>
            <source>Open pain map</source>
            <translation>Abrir un mapa de dolor</translation>
        </message>
        <message>
            <source>Cannot open this pain map</source>
            <translation>No se puede abrir este mapa de dolor</translation>
        </message>
        <message>
            <source>hipmap could not read the file.

{exc}</source>
            <translation>hipmap no pudo leer el archivo.

{exc}</translation>
        </message>
        <message>
            <source>Opened {name}</source>
            <translation>Abierto: {name}</translation>
        </message>
        <message>
            <source>Save pain map</source>
            <translation>Guardar el mapa de dolor</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>No se puede guardar</translation>
        </message>
        <message>
            <source>Saved {name}</source>
            <translation>Guardado: {name}</translation>
        </message>
        <message>
            <source>Autosave is not working: {reason}. hipmap keeps trying every few seconds; save your marks (File &gt; Save As) to another place to be safe.</source>
            <translation>El guardado automático no funciona: {reason}. hipmap lo sigue intentando cada pocos segundos; para estar seguro, guarde sus marcas en otro lugar (Archivo &gt; Guardar como).</translation>
        </message>
        <message>
            <source>Autosave is not working</source>
            <translation>El guardado automático no funciona</translation>
        </message>
        <message>
            <source>Autosave works again: your unsaved marks are kept safe.</source>
            <translation>El guardado automático vuelve a funcionar: sus marcas sin guardar están a salvo.</translation>
        </message>
        <message>
            <source>hipmap did not close normally last time. Restore the unsaved mark?</source>
            <translation>hipmap no se cerró con normalidad la última vez. ¿Desea recuperar la marca sin guardar?</translation>
        </message>
        <message numerus="yes">
            <source>Another hipmap window did not close normally either. Restore its %n unsaved marks in a new window?</source>
            <translation>
                <numerusform>Otra ventana de hipmap tampoco se cerró con normalidad. ¿Desea recuperar sus %n marcas sin guardar en una ventana nueva?</numerusform>
                <numerusform>Otra ventana de hipmap tampoco se cerró con normalidad. ¿Desea recuperar sus %n marcas sin guardar en una ventana nueva?</numerusform>
            </translation>
        </message>
        <message>
            <source>Another hipmap window did not close normally either. Restore its unsaved mark in a new window?</source>
            <translation>Otra ventana de hipmap tampoco se cerró con normalidad. ¿Desea recuperar su marca sin guardar en una ventana nueva?</translation>
        </message>
        <message>
            <source>Restore unsaved marks?</source>
            <translation>¿Recuperar las marcas sin guardar?</translation>
        </message>
        <message>
            <source>Autosave problem</source>
            <translation>Problema del guardado automático</translation>
        </message>
        <message numerus="yes">
            <source>hipmap did not close normally last time. Restore the %n unsaved marks?</source>
            <translation>
                <numerusform>hipmap no se cerró con normalidad la última vez. ¿Desea recuperar las %n marcas sin guardar?</numerusform>
                <numerusform>hipmap no se cerró con normalidad la última vez. ¿Desea recuperar las %n marcas sin guardar?</numerusform>
            </translation>
        </message>
        <message>
            <source>Warning-signs check unavailable</source>
            <translation>La comprobación de señales de alarma no está disponible</translation>
        </message>
        <message>
            <source>The red-flag data could not be read:
{getattr}</source>
            <translation>No se pudieron leer los datos de las señales de alarma:
{getattr}</translation>
        </message>
        <message>
            <source>Please answer the warning-signs questions first: with no warning sign, the routine starts when you close the check.</source>
            <translation>Responda primero a las preguntas sobre señales de alarma: si no hay ninguna, la rutina empieza al cerrar la comprobación.</translation>
        </message>
        <message>
            <source>Select a muscle in the list first.</source>
            <translation>Primero seleccione un músculo de la lista.</translation>
        </message>
        <message>
            <source>Routine unavailable</source>
            <translation>Rutina no disponible</translation>
        </message>
        <message>
            <source>Start Routine</source>
            <translation>Iniciar la rutina</translation>
        </message>
        <message>
            <source>The warning-signs check could not be loaded, so hipmap will not start a routine.</source>
            <translation>No se pudo cargar la comprobación de señales de alarma, así que hipmap no iniciará ninguna rutina.</translation>
        </message>
        <message>
            <source>Numbness or tingling needs a clinician first: self-care is on hold.</source>
            <translation>El entumecimiento o el hormigueo requieren primero la valoración de un profesional sanitario: el autocuidado queda en pausa.</translation>
        </message>
        <message>
            <source>A doctor first</source>
            <translation>Primero, un médico</translation>
        </message>
        <message>
            <source>Your answers to the warning-signs check mean a doctor should see you before self-treatment. You can run the check again from the Help menu if something has changed.</source>
            <translation>Según sus respuestas a la comprobación de señales de alarma, un médico debería verle antes de que se trate usted mismo. Si algo ha cambiado, puede repetir la comprobación desde el menú Ayuda.</translation>
        </message>
        <message>
            <source>hipmap has no timed routine for {name}: see what you can do instead in its details.</source>
            <translation>hipmap no tiene una rutina cronometrada para {name}: vea en sus detalles qué puede hacer en su lugar.</translation>
        </message>
        <message>
            <source>{name} — hipmap routine</source>
            <translation>{name} — rutina de hipmap</translation>
        </message>
        <message>
            <source>There was no pain marked before the routine to compare with.</source>
            <translation>No había dolor marcado antes de la rutina con el que comparar.</translation>
        </message>
        <message>
            <source>The session history is not available, so this session cannot be saved.</source>
            <translation>El historial de sesiones no está disponible, así que esta sesión no se puede guardar.</translation>
        </message>
        <message>
            <source> for {person}</source>
            <translation> de {person}</translation>
        </message>
        <message>
            <source>Session saved to the history{who}.</source>
            <translation>Sesión guardada en el historial{who}.</translation>
        </message>
        <message>
            <source>The session history is not available.</source>
            <translation>El historial de sesiones no está disponible.</translation>
        </message>
        <message>
            <source>session of {created_at}</source>
            <translation>sesión del {created_at}</translation>
        </message>
        <message>
            <source>Session cannot be used</source>
            <translation>No se puede usar la sesión</translation>
        </message>
        <message>
            <source>Start from a past session</source>
            <translation>Empezar desde una sesión anterior</translation>
        </message>
        <message>
            <source>Started a new pain map from a past session; it is not saved yet.</source>
            <translation>Se ha empezado un mapa de dolor nuevo a partir de una sesión anterior; todavía no está guardado.</translation>
        </message>
        <message>
            <source>Mark where it hurts, or select a muscle, before making a handout.</source>
            <translation>Marque dónde le duele, o seleccione un músculo, antes de crear una hoja informativa.</translation>
        </message>
        <message>
            <source>No handout</source>
            <translation>No hay hoja informativa</translation>
        </message>
        <message>
            <source>Export handout</source>
            <translation>Exportar la hoja informativa</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Documentos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Handout not saved</source>
            <translation>La hoja informativa no se ha guardado</translation>
        </message>
        <message>
            <source>The handout could not be written to {path}:
{exc}</source>
            <translation>No se pudo escribir la hoja informativa en {path}:
{exc}</translation>
        </message>
        <message numerus="yes">
            <source>Handout saved: {name} (%n page).</source>
            <translation>
                <numerusform>Hoja informativa guardada: {name} (%n página).</numerusform>
                <numerusform>Hoja informativa guardada: {name} (%n página).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Handout saved: {name} (%n pages).</source>
            <translation>
                <numerusform>Hoja informativa guardada: {name} (%n páginas).</numerusform>
                <numerusform>Hoja informativa guardada: {name} (%n páginas).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Handout sent to the printer (%n page).</source>
            <translation>
                <numerusform>Hoja informativa enviada a la impresora (%n página).</numerusform>
                <numerusform>Hoja informativa enviada a la impresora (%n página).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Handout sent to the printer (%n pages).</source>
            <translation>
                <numerusform>Hoja informativa enviada a la impresora (%n páginas).</numerusform>
                <numerusform>Hoja informativa enviada a la impresora (%n páginas).</numerusform>
            </translation>
        </message>
        <message>
            <source>Finish a routine and mark your pain again to compare.</source>
            <translation>Termine una rutina y marque de nuevo su dolor para comparar.</translation>
        </message>
        <message>
            <source>About hipmap</source>
            <translation>Acerca de hipmap</translation>
        </message>
        <message>
            <source>&lt;b&gt;hipmap {version__}&lt;/b&gt;&lt;p&gt;{DISCLAIMER}&lt;/p&gt;</source>
            <translation>&lt;b&gt;hipmap {version__}&lt;/b&gt;&lt;p&gt;{DISCLAIMER}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;0-9, Shift+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Pain rating for new marks&lt;/td&gt;&lt;/tr&gt;</source>
            <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;0-9, Mayús+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Puntuación del dolor de las marcas nuevas&lt;/td&gt;&lt;/tr&gt;</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>hipmap: --data-dir needs a folder</source>
            <translation>hipmap: --data-dir necesita una carpeta</translation>
        </message>
        <message>
            <source>hipmap cannot start</source>
            <translation>hipmap no puede iniciarse</translation>
        </message>
        <message>
            <source>The app's data files have problems:

{problems}</source>
            <translation>Los archivos de datos de la aplicación tienen problemas:

{problems}</translation>
        </message>
        <message>
            <source>&amp;Muscles...</source>
            <translation>&amp;Músculos...</translation>
        </message>
        <message>
            <source>Find any muscle by name and see its trigger points and pain pattern, whatever is marked</source>
            <translation>Buscar cualquier músculo por su nombre y ver sus puntos gatillo y su patrón de dolor, sea cual sea lo marcado</translation>
        </message>
        <message>
            <source>E&amp;xplore Muscles</source>
            <translation>E&amp;xplorar músculos</translation>
        </message>
        <message>
            <source>Point at a diagram to name the muscle under it; the wheel or [ and ] choose a deeper one; click selects it. Esc returns to the tool used before. Without a mouse: View &gt; Muscles (F3)</source>
            <translation>Señale un diagrama para ver el nombre del músculo que hay debajo; la rueda o [ y ] eligen uno más profundo; un clic lo selecciona. Esc vuelve a la herramienta anterior. Sin ratón: Ver &gt; Músculos (F3)</translation>
        </message>
        <message>
            <source>Leave Explore Mode</source>
            <translation>Salir del modo explorar</translation>
        </message>
        <message>
            <source>Return to the tool used before exploring</source>
            <translation>Volver a la herramienta usada antes de explorar</translation>
        </message>
        <message>
            <source>Explore mode: the pointer names the muscle under it and a click selects it; no pain is marked. From the keyboard, View &gt; Muscles (F3) lists every muscle.</source>
            <translation>Modo explorar: el puntero nombra el músculo que hay debajo y un clic lo selecciona; no se marca dolor. Con el teclado, Ver &gt; Músculos (F3) muestra todos los músculos.</translation>
        </message>
        <message>
            <source>Explore: point at a diagram to name the muscle there; click selects it. Esc returns to marking.</source>
            <translation>Explorar: señale un diagrama para ver el nombre del músculo que hay ahí; un clic lo selecciona. Esc vuelve a marcar.</translation>
        </message>
    </context>
    <context>
        <name>bodyview</name>
        <message>
            <source>deep in the muscle</source>
            <translation>en la profundidad del músculo</translation>
        </message>
        <message>
            <source>close to the surface</source>
            <translation>cerca de la superficie</translation>
        </message>
        <message>
            <source>Click or drag to mark where it hurts; Ctrl+M marks a region by name. The person's left and right are labelled.</source>
            <translation>Haga clic o arrastre para marcar dónde le duele; Ctrl+M marca una región por su nombre. La izquierda y la derecha de la persona están indicadas.</translation>
        </message>
        <message>
            <source>{title} view of the body</source>
            <translation>Vista del cuerpo: {title}</translation>
        </message>
        <message>
            <source>{upper} SIDE</source>
            <translation>LADO {upper}</translation>
        </message>
        <message>
            <source>FRONT →</source>
            <translation>DELANTE →</translation>
        </message>
        <message>
            <source>← FRONT</source>
            <translation>← DELANTE</translation>
        </message>
        <message>
            <source>← BACK</source>
            <translation>← DETRÁS</translation>
        </message>
        <message>
            <source>BACK →</source>
            <translation>DETRÁS →</translation>
        </message>
        <message>
            <source>no quality chosen</source>
            <translation>sin tipo elegido</translation>
        </message>
        <message>
            <source>Pain {intensity}/10 ({qualities})</source>
            <translation>Dolor {intensity}/10 ({qualities})</translation>
        </message>
        <message>
            <source>{name}: spillover zone (hatched)</source>
            <translation>{name}: zona de extensión (rayada)</translation>
        </message>
        <message>
            <source>{name}: essential zone (solid)</source>
            <translation>{name}: zona principal (sólida)</translation>
        </message>
        <message>
            <source>{name}: essential zone</source>
            <translation>{name}: zona principal</translation>
        </message>
        <message>
            <source>{name}: trigger point ({depth}). {note}</source>
            <translation>{name}: punto gatillo ({depth}). {note}</translation>
        </message>
        <message>
            <source>its usual pain area (solid blue)</source>
            <translation>su zona de dolor habitual (azul sólido)</translation>
        </message>
        <message>
            <source>where its pain can also spread (hatched)</source>
            <translation>adonde su dolor también puede extenderse (rayado)</translation>
        </message>
        <message numerus="yes">
            <source>%n trigger point (X)</source>
            <translation>
                <numerusform>%n punto gatillo (X)</numerusform>
                <numerusform>%n punto gatillo (X)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n trigger points (X)</source>
            <translation>
                <numerusform>%n puntos gatillo (X)</numerusform>
                <numerusform>%n puntos gatillo (X)</numerusform>
            </translation>
        </message>
        <message>
            <source>Showing {name}, both sides: {join}.</source>
            <translation>Se muestra {name}, ambos lados: {join}.</translation>
        </message>
        <message>
            <source>Showing {name}, {side} side: {join}.</source>
            <translation>Se muestra {name}, lado {side}: {join}.</translation>
        </message>
        <message>
            <source>No marks.</source>
            <translation>No hay marcas.</translation>
        </message>
        <message>
            <source>{value}, {value2} and {value3}</source>
            <translation>{value}, {value2} y {value3}</translation>
        </message>
        <message>
            <source>pain {intensity}</source>
            <translation>dolor {intensity}</translation>
        </message>
        <message>
            <source>{where} ({rating})</source>
            <translation>{where} ({rating})</translation>
        </message>
        <message>
            <source>the body</source>
            <translation>el cuerpo</translation>
        </message>
        <message>
            <source>; and {value} more</source>
            <translation>; y {value} más</translation>
        </message>
        <message numerus="yes">
            <source>%n mark: {items}{more}.</source>
            <translation>
                <numerusform>%n marca: {items}{more}.</numerusform>
                <numerusform>%n marca: {items}{more}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n marks: {items}{more}.</source>
            <translation>
                <numerusform>%n marcas: {items}{more}.</numerusform>
                <numerusform>%n marcas: {items}{more}.</numerusform>
            </translation>
        </message>
        <message>
            <source>{first} and {last}</source>
            <translation>{first} y {last}</translation>
        </message>
        <message>
            <source>{name}: a deep muscle, under {over} (dashed outline)</source>
            <translation>{name}: un músculo profundo, debajo de {over} (contorno discontinuo)</translation>
        </message>
        <message>
            <source>{name}: where the muscle lies</source>
            <translation>{name}: dónde está el músculo</translation>
        </message>
        <message>
            <source>{other} lies over {name} (faint outline)</source>
            <translation>{other} está encima de {name} (contorno tenue)</translation>
        </message>
        <message>
            <source>where the muscle lies: on top where its red-brown shape has a solid edge, under {over} where the edge is dashed (the muscles over it outlined)</source>
            <translation>dónde está el músculo: en superficie donde su forma rojiza tiene el borde continuo, bajo {over} donde el borde es discontinuo (los músculos que lo cubren, perfilados)</translation>
        </message>
        <message>
            <source>where the muscle lies, deep under {over} (dashed red-brown shape, the muscles over it outlined)</source>
            <translation>dónde está el músculo, en profundidad debajo de {over} (forma rojiza de contorno discontinuo, con los músculos de encima perfilados)</translation>
        </message>
        <message>
            <source>where the muscle lies (red-brown shape with its fibres)</source>
            <translation>dónde está el músculo (forma rojiza con sus fibras)</translation>
        </message>
    </context>
    <context>
        <name>browser</name>
        <message>
            <source>Lower back</source>
            <translation>Zona lumbar</translation>
        </message>
        <message>
            <source>Belly and pelvis</source>
            <translation>Vientre y pelvis</translation>
        </message>
        <message>
            <source>Buttock</source>
            <translation>Nalga</translation>
        </message>
        <message>
            <source>Side of the hip</source>
            <translation>Lado de la cadera</translation>
        </message>
        <message>
            <source>Front of the thigh</source>
            <translation>Parte delantera del muslo</translation>
        </message>
        <message>
            <source>Inner thigh</source>
            <translation>Cara interna del muslo</translation>
        </message>
        <message>
            <source>Back of the thigh</source>
            <translation>Parte trasera del muslo</translation>
        </message>
        <message>
            <source>Lower leg</source>
            <translation>Pierna (bajo la rodilla)</translation>
        </message>
        <message>
            <source>Muscles</source>
            <translation>Músculos</translation>
        </message>
        <message>
            <source>Muscle browser</source>
            <translation>Buscador de músculos</translation>
        </message>
        <message>
            <source>&amp;Find a muscle:</source>
            <translation>&amp;Buscar un músculo:</translation>
        </message>
        <message>
            <source>Name or another name, e.g. IT band</source>
            <translation>Nombre u otro nombre, p. ej. cintilla iliotibial</translation>
        </message>
        <message>
            <source>Find a muscle</source>
            <translation>Buscar un músculo</translation>
        </message>
        <message>
            <source>Type any name of a muscle, in English or Spanish; the Down and Up keys move in the list, Enter shows the muscle.</source>
            <translation>Escriba cualquier nombre de un músculo, en español o en inglés; las teclas Abajo y Arriba se mueven por la lista, Intro muestra el músculo.</translation>
        </message>
        <message>
            <source>Search result</source>
            <translation>Resultado de la búsqueda</translation>
        </message>
        <message>
            <source>Side:</source>
            <translation>Lado:</translation>
        </message>
        <message>
            <source>&amp;Right</source>
            <translation>&amp;Derecho</translation>
        </message>
        <message>
            <source>L&amp;eft</source>
            <translation>&amp;Izquierdo</translation>
        </message>
        <message>
            <source>Show the muscle you choose on the right side</source>
            <translation>Mostrar en el lado derecho el músculo que elija</translation>
        </message>
        <message>
            <source>Show the muscle you choose on the left side</source>
            <translation>Mostrar en el lado izquierdo el músculo que elija</translation>
        </message>
        <message>
            <source>Muscles by area</source>
            <translation>Músculos por zona</translation>
        </message>
        <message>
            <source>Every muscle, grouped by where it lies. Enter or a click shows it.</source>
            <translation>Todos los músculos, agrupados según dónde están. Intro o un clic lo muestra.</translation>
        </message>
        <message numerus="yes">
            <source>All %n muscles, by where they lie.</source>
            <translation>
                <numerusform>Los %n músculos, según dónde están.</numerusform>
                <numerusform>Los %n músculos, según dónde están.</numerusform>
            </translation>
        </message>
        <message>
            <source>No muscle matches “{query}”.</source>
            <translation>Ningún músculo coincide con «{query}».</translation>
        </message>
        <message numerus="yes">
            <source>%n muscle matches.</source>
            <translation>
                <numerusform>%n músculo coincide.</numerusform>
                <numerusform>%n músculo coincide.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n muscles match.</source>
            <translation>
                <numerusform>%n músculos coinciden.</numerusform>
                <numerusform>%n músculos coinciden.</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter shows {name}.</source>
            <translation>Intro muestra: {name}.</translation>
        </message>
    </context>
    <context>
        <name>builder</name>
        <message>
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>Lado</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Mantener</translation>
        </message>
        <message>
            <source>Reps</source>
            <translation>Repeticiones</translation>
        </message>
        <message>
            <source>Rest</source>
            <translation>Descanso</translation>
        </message>
        <message>
            <source>Build a routine — hipmap</source>
            <translation>Crear una rutina — hipmap</translation>
        </message>
        <message>
            <source>Routine builder</source>
            <translation>Creador de rutinas</translation>
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation>&amp;Subir</translation>
        </message>
        <message>
            <source>Move the chosen step earlier</source>
            <translation>Poner antes el paso elegido</translation>
        </message>
        <message>
            <source>Move &amp;Down</source>
            <translation>&amp;Bajar</translation>
        </message>
        <message>
            <source>Move the chosen step later</source>
            <translation>Poner después el paso elegido</translation>
        </message>
        <message>
            <source>&amp;Remove Step</source>
            <translation>&amp;Quitar el paso</translation>
        </message>
        <message>
            <source>Take the chosen step out of the routine</source>
            <translation>Sacar de la rutina el paso elegido</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>Deshacer el último cambio</translation>
        </message>
        <message>
            <source>Redo the change you undid</source>
            <translation>Rehacer el cambio que deshizo</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>Save this routine under its name</source>
            <translation>Guardar esta rutina con su nombre</translation>
        </message>
        <message>
            <source>Play this routine with the timer</source>
            <translation>Reproducir esta rutina con el temporizador</translation>
        </message>
        <message>
            <source>S&amp;tart</source>
            <translation>&amp;Iniciar</translation>
        </message>
        <message>
            <source>Routine name</source>
            <translation>Nombre de la rutina</translation>
        </message>
        <message>
            <source>Saved routines</source>
            <translation>Rutinas guardadas</translation>
        </message>
        <message>
            <source>&amp;Open Saved</source>
            <translation>&amp;Abrir guardada</translation>
        </message>
        <message>
            <source>Load the chosen saved routine</source>
            <translation>Cargar la rutina guardada elegida</translation>
        </message>
        <message>
            <source>Delete Saved</source>
            <translation>Eliminar guardada</translation>
        </message>
        <message>
            <source>Delete the chosen saved routine from this computer</source>
            <translation>Eliminar de este ordenador la rutina guardada elegida</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nombre:</translation>
        </message>
        <message>
            <source>Sa&amp;ved:</source>
            <translation>&amp;Guardadas:</translation>
        </message>
        <message>
            <source>Muscles in the routine</source>
            <translation>Músculos de la rutina</translation>
        </message>
        <message>
            <source>Tick a muscle to add its tennis-ball hold and stretches; Space ticks.</source>
            <translation>Marque un músculo para añadir su presión con pelota de tenis y sus estiramientos; la barra espaciadora lo marca.</translation>
        </message>
        <message>
            <source>&amp;Muscles</source>
            <translation>&amp;Músculos</translation>
        </message>
        <message>
            <source>Ticked muscles add their tennis-ball hold, then their stretches.</source>
            <translation>Los músculos marcados añaden su presión con pelota de tenis y después sus estiramientos.</translation>
        </message>
        <message>
            <source>Steps of the routine</source>
            <translation>Pasos de la rutina</translation>
        </message>
        <message>
            <source>Hold for</source>
            <translation>Mantener durante</translation>
        </message>
        <message>
            <source>Repetitions</source>
            <translation>Repeticiones</translation>
        </message>
        <message>
            <source>Rest after each hold</source>
            <translation>Descanso tras cada mantenimiento</translation>
        </message>
        <message>
            <source>&amp;Hold:</source>
            <translation>Man&amp;tener:</translation>
        </message>
        <message>
            <source>Re&amp;petitions:</source>
            <translation>Re&amp;peticiones:</translation>
        </message>
        <message>
            <source>R&amp;est:</source>
            <translation>D&amp;escanso:</translation>
        </message>
        <message>
            <source>S&amp;teps</source>
            <translation>Pas&amp;os</translation>
        </message>
        <message>
            <source>Routine length</source>
            <translation>Duración de la rutina</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Start Routine</source>
            <translation>Iniciar la rutina</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close the builder (Esc)</source>
            <translation>Cerrar el creador (Esc)</translation>
        </message>
        <message>
            <source>Undo: {change}</source>
            <translation>Deshacer: {change}</translation>
        </message>
        <message>
            <source>Redo: {change}</source>
            <translation>Rehacer: {change}</translation>
        </message>
        <message>
            <source>{name}, both sides</source>
            <translation>{name}, ambos lados</translation>
        </message>
        <message>
            <source>{label} (nothing to time)</source>
            <translation>{label} (nada que cronometrar)</translation>
        </message>
        <message>
            <source>hipmap has neither a ball hold nor a stretch for this muscle; its self-care is in the muscle details.</source>
            <translation>hipmap no tiene ni presión con pelota ni estiramiento para este músculo; su autocuidado está en los detalles del músculo.</translation>
        </message>
        <message>
            <source>Both</source>
            <translation>Ambos</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;Total {time}&lt;/b&gt; · %n step</source>
            <translation>
                <numerusform>&lt;b&gt;Total {time}&lt;/b&gt; · %n paso</numerusform>
                <numerusform>&lt;b&gt;Total {time}&lt;/b&gt; · %n paso</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;Total {time}&lt;/b&gt; · %n steps</source>
            <translation>
                <numerusform>&lt;b&gt;Total {time}&lt;/b&gt; · %n pasos</numerusform>
                <numerusform>&lt;b&gt;Total {time}&lt;/b&gt; · %n pasos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> · %n side switch</source>
            <translation>
                <numerusform> · %n cambio de lado</numerusform>
                <numerusform> · %n cambio de lado</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> · %n side switches</source>
            <translation>
                <numerusform> · %n cambios de lado</numerusform>
                <numerusform> · %n cambios de lado</numerusform>
            </translation>
        </message>
        <message>
            <source>No steps yet: tick a muscle on the left.</source>
            <translation>Todavía no hay pasos: marque un músculo a la izquierda.</translation>
        </message>
        <message>
            <source>muscles</source>
            <translation>músculos</translation>
        </message>
        <message>
            <source>Add {what}</source>
            <translation>Añadir {what}</translation>
        </message>
        <message>
            <source>Remove {what}</source>
            <translation>Quitar {what}</translation>
        </message>
        <message>
            <source>Move step</source>
            <translation>Mover el paso</translation>
        </message>
        <message>
            <source>Remove {title}</source>
            <translation>Quitar {title}</translation>
        </message>
        <message>
            <source>Change step</source>
            <translation>Cambiar el paso</translation>
        </message>
        <message>
            <source>{name} (cannot be read)</source>
            <translation>{name} (no se puede leer)</translation>
        </message>
        <message>
            <source>No saved routines yet</source>
            <translation>Todavía no hay rutinas guardadas</translation>
        </message>
        <message>
            <source>Name the routine</source>
            <translation>Ponga nombre a la rutina</translation>
        </message>
        <message>
            <source>Give the routine a name before saving it.</source>
            <translation>Dé un nombre a la rutina antes de guardarla.</translation>
        </message>
        <message>
            <source>Routine not saved</source>
            <translation>La rutina no se ha guardado</translation>
        </message>
        <message>
            <source>The routine could not be saved:
{exc}</source>
            <translation>No se pudo guardar la rutina:
{exc}</translation>
        </message>
        <message>
            <source>{name} — routine builder</source>
            <translation>{name} — creador de rutinas</translation>
        </message>
        <message>
            <source>Saved as “{name}”</source>
            <translation>Guardada como «{name}»</translation>
        </message>
        <message>
            <source>Routine cannot be opened</source>
            <translation>No se puede abrir la rutina</translation>
        </message>
        <message>
            <source>That saved routine cannot be read:
{exc}</source>
            <translation>No se puede leer esa rutina guardada:
{exc}</translation>
        </message>
        <message>
            <source>Open {name}</source>
            <translation>Abrir {name}</translation>
        </message>
        <message>
            <source>Delete saved routine?</source>
            <translation>¿Eliminar la rutina guardada?</translation>
        </message>
        <message>
            <source>Delete the saved routine “{name}” from this computer?</source>
            <translation>¿Desea eliminar de este ordenador la rutina guardada «{name}»?</translation>
        </message>
        <message>
            <source>Not deleted</source>
            <translation>No se ha eliminado</translation>
        </message>
    </context>
    <context>
        <name>candidates</name>
        <message>
            <source>Click or paint where it hurts on the diagram. The muscles whose pain patterns match it will be listed here.</source>
            <translation>Haga clic o pinte en el diagrama donde le duele. Aquí aparecerán los músculos cuyos patrones de dolor coinciden.</translation>
        </message>
        <message>
            <source>Try marking the place where the pain is strongest, or check that you marked the correct side.</source>
            <translation>Pruebe a marcar el lugar donde el dolor es más fuerte, o compruebe que marcó el lado correcto.</translation>
        </message>
        <message>
            <source>These are possibilities to explore, not a diagnosis.</source>
            <translation>Son posibilidades que explorar, no un diagnóstico.</translation>
        </message>
        <message>
            <source>{star} Part of the explaining set</source>
            <translation>{star} Parte del grupo que lo explica</translation>
        </message>
        <message>
            <source> Part of the set of muscles that together explain most of your pain.</source>
            <translation> Forma parte del grupo de músculos que, juntos, explican la mayor parte de su dolor.</translation>
        </message>
        <message>
            <source>&lt;br&gt;{STAR} Part of the set that explains most of your pain</source>
            <translation>&lt;br&gt;{STAR} Parte del grupo que explica la mayor parte de su dolor</translation>
        </message>
        <message>
            <source>{percent} match</source>
            <translation>{percent} de coincidencia</translation>
        </message>
        <message>
            <source>trigger point only</source>
            <translation>solo por un punto gatillo</translation>
        </message>
        <message>
            <source>match {percent}</source>
            <translation>coincidencia {percent}</translation>
        </message>
        <message>
            <source>{rank}. {name}, both sides, {match}</source>
            <translation>{rank}. {name}, ambos lados, {match}</translation>
        </message>
        <message>
            <source>{rank}. {name}, {side} side, {match}</source>
            <translation>{rank}. {name}, lado {side}, {match}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{rank}. {e}&lt;/b&gt; &amp;middot; {e2} &amp;middot; {match}</source>
            <translation>&lt;b&gt;{rank}. {e}&lt;/b&gt; &amp;middot; {e2} &amp;middot; {match}</translation>
        </message>
        <message numerus="yes">
            <source>+ %n more reason (see details)</source>
            <translation>
                <numerusform>+ %n motivo más (vea los detalles)</numerusform>
                <numerusform>+ %n motivo más (vea los detalles)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>+ %n more reasons (see details)</source>
            <translation>
                <numerusform>+ %n motivos más (vea los detalles)</numerusform>
                <numerusform>+ %n motivos más (vea los detalles)</numerusform>
            </translation>
        </message>
        <message>
            <source>Muscles that may explain your pain</source>
            <translation>Músculos que pueden explicar su dolor</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <source>Use the arrow keys to choose a muscle and see its details.</source>
            <translation>Use las flechas para elegir un músculo y ver sus detalles.</translation>
        </message>
        <message>
            <source>No muscles to show yet</source>
            <translation>Todavía no hay músculos que mostrar</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message numerus="yes">
            <source>%n muscle may be involved.</source>
            <translation>
                <numerusform>Puede estar implicado %n músculo.</numerusform>
                <numerusform>Pueden estar implicados %n músculos.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n muscles may be involved.</source>
            <translation>
                <numerusform>Puede estar implicado %n músculo.</numerusform>
                <numerusform>Pueden estar implicados %n músculos.</numerusform>
            </translation>
        </message>
        <message>
            <source>No close match</source>
            <translation>Ninguna coincidencia cercana</translation>
        </message>
        <message>
            <source>Nothing marked yet</source>
            <translation>Todavía no hay nada marcado</translation>
        </message>
        <message>
            <source>{STAR} marks the muscles that together explain {percent} of your pain.</source>
            <translation>{STAR} señala los músculos que, juntos, explican el {percent} de su dolor.</translation>
        </message>
    </context>
    <context>
        <name>chart</name>
        <message>
            <source>Jan</source>
            <translation>ene</translation>
        </message>
        <message>
            <source>Feb</source>
            <translation>feb</translation>
        </message>
        <message>
            <source>Mar</source>
            <translation>mar</translation>
        </message>
        <message>
            <source>Apr</source>
            <translation>abr</translation>
        </message>
        <message>
            <source>May</source>
            <translation>may</translation>
        </message>
        <message>
            <source>Jun</source>
            <translation>jun</translation>
        </message>
        <message>
            <source>Jul</source>
            <translation>jul</translation>
        </message>
        <message>
            <source>Aug</source>
            <translation>ago</translation>
        </message>
        <message>
            <source>Sep</source>
            <translation>sep</translation>
        </message>
        <message>
            <source>Oct</source>
            <translation>oct</translation>
        </message>
        <message>
            <source>Nov</source>
            <translation>nov</translation>
        </message>
        <message>
            <source>Dec</source>
            <translation>dic</translation>
        </message>
        <message>
            <source>Pain before</source>
            <translation>Dolor antes</translation>
        </message>
        <message>
            <source>Pain after</source>
            <translation>Dolor después</translation>
        </message>
        <message>
            <source>Pain (0–10)</source>
            <translation>Dolor (0–10)</translation>
        </message>
        <message>
            <source>Area marked (% of the body drawing)</source>
            <translation>Zona marcada (% del dibujo del cuerpo)</translation>
        </message>
        <message>
            <source>No sessions yet</source>
            <translation>Todavía no hay sesiones</translation>
        </message>
        <message>
            <source>Each saved session appears here: the pain before and after, and how much of the body drawing was marked, so you can see how it changes over time.</source>
            <translation>Aquí aparece cada sesión guardada: el dolor antes y después, y cuánto del dibujo del cuerpo se marcó, para que pueda ver cómo cambia con el tiempo.</translation>
        </message>
        <message>
            <source>Pain before: {format_rating}</source>
            <translation>Dolor antes: {format_rating}</translation>
        </message>
        <message>
            <source>Pain after: {format_rating}</source>
            <translation>Dolor después: {format_rating}</translation>
        </message>
        <message>
            <source>on {format_day}</source>
            <translation>el {format_day}</translation>
        </message>
        <message>
            <source>from {format_day} to {format_day2}</source>
            <translation>del {format_day} al {format_day2}</translation>
        </message>
        <message>
            <source>Pain over time</source>
            <translation>El dolor a lo largo del tiempo</translation>
        </message>
        <message>
            <source>lines: {value} average; dots: each session</source>
            <translation>líneas: media {value}; puntos: cada sesión</translation>
        </message>
        <message>
            <source>Area marked: {format_area}</source>
            <translation>Zona marcada: {format_area}</translation>
        </message>
    </context>
    <context>
        <name>compare</name>
        <message>
            <source>Back</source>
            <translation>Espalda</translation>
        </message>
        <message>
            <source>Right side</source>
            <translation>Lado derecho</translation>
        </message>
        <message>
            <source>Left side</source>
            <translation>Lado izquierdo</translation>
        </message>
        <message>
            <source>Front</source>
            <translation>Frente</translation>
        </message>
        <message>
            <source>These figures compare your own drawings. They help you notice change; they do not measure healing or make a diagnosis.</source>
            <translation>Estas cifras comparan sus propios dibujos. Le ayudan a notar cambios; no miden la curación ni hacen un diagnóstico.</translation>
        </message>
        <message>
            <source>Read-only. The numbers on the marks are the pain ratings, 0 to 10.</source>
            <translation>Solo lectura. Los números de las marcas son las puntuaciones del dolor, de 0 a 10.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Antes</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>Before and after your routine</source>
            <translation>Antes y después de su rutina</translation>
        </message>
        <message>
            <source>{heading} — hipmap</source>
            <translation>{heading} — hipmap</translation>
        </message>
        <message>
            <source>Show the {lower} view</source>
            <translation>Mostrar la vista: {lower}</translation>
        </message>
        <message>
            <source>{value} view ({toString})</source>
            <translation>Vista: {value} ({toString})</translation>
        </message>
        <message>
            <source>{name}: {lower} view with the marked pain</source>
            <translation>{name}: vista {lower} con el dolor marcado</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>Qué ha cambiado</translation>
        </message>
        <message>
            <source>Close the comparison (Esc)</source>
            <translation>Cerrar la comparación (Esc)</translation>
        </message>
        <message>
            <source> (better)</source>
            <translation> (mejor)</translation>
        </message>
        <message>
            <source> (worse)</source>
            <translation> (peor)</translation>
        </message>
        <message>
            <source>&lt;table cellpadding='4' cellspacing='0' width='100%'&gt;&lt;tr&gt;&lt;th align='left'&gt;Figure&lt;/th&gt;&lt;th&gt;{escape}&lt;/th&gt;&lt;th&gt;{escape2}&lt;/th&gt;&lt;th align='left'&gt;Change&lt;/th&gt;&lt;/tr&gt;</source>
            <translation>&lt;table cellpadding='4' cellspacing='0' width='100%'&gt;&lt;tr&gt;&lt;th align='left'&gt;Cifra&lt;/th&gt;&lt;th&gt;{escape}&lt;/th&gt;&lt;th&gt;{escape2}&lt;/th&gt;&lt;th align='left'&gt;Cambio&lt;/th&gt;&lt;/tr&gt;</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <source>expected a GeoJSON Polygon or MultiPolygon</source>
            <translation>se esperaba un Polygon o MultiPolygon de GeoJSON</translation>
        </message>
        <message>
            <source>coordinates must be nested lists of finite numbers within ±{limit}</source>
            <translation>las coordenadas deben ser listas anidadas de números finitos dentro de ±{limit}</translation>
        </message>
        <message>
            <source>not a valid shape ({reason})</source>
            <translation>no es una forma válida ({reason})</translation>
        </message>
        <message>
            <source>the shape crosses itself and is too complex to repair ({points} points; hipmap repairs up to {crossings} crossings in a file, in shapes of up to {most} points)</source>
            <translation>la forma se cruza consigo misma y es demasiado compleja para repararla ({points} puntos; hipmap repara hasta {crossings} cruces por archivo, en formas de hasta {most} puntos)</translation>
        </message>
        <message>
            <source>expected a JSON object</source>
            <translation>se esperaba un objeto JSON</translation>
        </message>
        <message>
            <source>not a hipmap pain map (expected "format": "{format}")</source>
            <translation>no es un mapa de dolor de hipmap (se esperaba "format": "{format}")</translation>
        </message>
        <message>
            <source>missing or invalid "version" (expected a whole number)</source>
            <translation>falta "version" o no es válida (se esperaba un número entero)</translation>
        </message>
        <message>
            <source>made by a newer hipmap (format version {version}); this version reads up to {supported}. Please update hipmap.</source>
            <translation>creado por un hipmap más reciente (versión de formato {version}); esta versión lee hasta la {supported}. Actualice hipmap.</translation>
        </message>
        <message>
            <source>"marks" must be a list</source>
            <translation>"marks" debe ser una lista</translation>
        </message>
        <message>
            <source>too many marks ({count}; the limit is {limit})</source>
            <translation>demasiadas marcas ({count}; el límite es {limit})</translation>
        </message>
        <message>
            <source>expected an object</source>
            <translation>se esperaba un objeto</translation>
        </message>
        <message>
            <source>unknown view {view} (expected one of: {views})</source>
            <translation>vista desconocida {view} (se esperaba una de: {views})</translation>
        </message>
        <message>
            <source>intensity must be a whole number from 0 to 10, got {value}</source>
            <translation>la intensidad debe ser un número entero de 0 a 10, no {value}</translation>
        </message>
        <message>
            <source>qualities must be a list of: {qualities}</source>
            <translation>las cualidades deben ser una lista de: {qualities}</translation>
        </message>
        <message>
            <source>side must be right, left or both, got {value}</source>
            <translation>el lado debe ser right, left o both, no {value}</translation>
        </message>
        <message>
            <source>file is too large ({size} bytes)</source>
            <translation>el archivo es demasiado grande ({size} bytes)</translation>
        </message>
        <message>
            <source>not UTF-8 text</source>
            <translation>no es texto UTF-8</translation>
        </message>
        <message>
            <source>invalid JSON: {reason}</source>
            <translation>JSON no válido: {reason}</translation>
        </message>
        <message>
            <source>JSON nested too deeply</source>
            <translation>JSON anidado a demasiada profundidad</translation>
        </message>
        <message>
            <source>invalid JSON: a number is too long</source>
            <translation>JSON no válido: un número es demasiado largo</translation>
        </message>
        <message>
            <source>file not found</source>
            <translation>no se encuentra el archivo</translation>
        </message>
        <message>
            <source>cannot read the file ({reason})</source>
            <translation>no se puede leer el archivo ({reason})</translation>
        </message>
        <message>
            <source>expected Unicode text, got {value}</source>
            <translation>se esperaba texto Unicode, no {value}</translation>
        </message>
        <message>
            <source>expected 'compression' or 'stretch', got {value}</source>
            <translation>se esperaba 'compression' o 'stretch', no {value}</translation>
        </message>
        <message>
            <source>expected 'right', 'left' or 'none', got {value}</source>
            <translation>se esperaba 'right', 'left' o 'none', no {value}</translation>
        </message>
        <message>
            <source>expected text of {least} to {most} characters, got {value}</source>
            <translation>se esperaba un texto de {least} a {most} caracteres, no {value}</translation>
        </message>
        <message>
            <source>expected a whole number from {low} to {high}, got {value}</source>
            <translation>se esperaba un número entero de {low} a {high}, no {value}</translation>
        </message>
        <message>
            <source>expected a whole number of seconds from {low} to {high}, got {value}</source>
            <translation>se esperaba un número entero de segundos de {low} a {high}, no {value}</translation>
        </message>
        <message>
            <source>expected text of at most {most} characters, got {value}</source>
            <translation>se esperaba un texto de {most} caracteres como máximo, no {value}</translation>
        </message>
        <message>
            <source>too many steps ({count}; the limit is {limit})</source>
            <translation>demasiados pasos ({count}; el límite es {limit})</translation>
        </message>
        <message>
            <source>not a hipmap routine (expected "format": "{format}")</source>
            <translation>no es una rutina de hipmap (se esperaba "format": "{format}")</translation>
        </message>
        <message>
            <source>expected a list</source>
            <translation>se esperaba una lista</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>falta</translation>
        </message>
        <message>
            <source>too large to be a routine</source>
            <translation>demasiado grande para ser una rutina</translation>
        </message>
        <message>
            <source>cannot be read ({reason})</source>
            <translation>no se puede leer ({reason})</translation>
        </message>
        <message>
            <source>not valid JSON ({reason})</source>
            <translation>no es JSON válido ({reason})</translation>
        </message>
        <message>
            <source>a saved routine needs a name</source>
            <translation>una rutina guardada necesita un nombre</translation>
        </message>
        <message>
            <source>a saved routine needs at least one step</source>
            <translation>una rutina guardada necesita al menos un paso</translation>
        </message>
        <message>
            <source>The sessions database {path} cannot be read: {detail}. hipmap can start with a fresh database beside it; the old file is left as it is.</source>
            <translation>No se puede leer la base de datos de sesiones {path}: {detail}. hipmap puede empezar con una base de datos nueva a su lado; el archivo antiguo se deja como está.</translation>
        </message>
        <message>
            <source>The sessions database {path} was made by a newer hipmap (schema version {found}; this one reads up to {supported}). Update hipmap to see those sessions, or hipmap can start with a fresh database beside it; the old file is left as it is.</source>
            <translation>La base de datos de sesiones {path} la creó un hipmap más reciente (versión de esquema {found}; este lee hasta la {supported}). Actualice hipmap para ver esas sesiones, o hipmap puede empezar con una base de datos nueva a su lado; el archivo antiguo se deja como está.</translation>
        </message>
        <message>
            <source>The sessions database {path} is busy: another hipmap may be using it. Close it and try again.</source>
            <translation>La base de datos de sesiones {path} está ocupada: puede que otro hipmap la esté usando. Ciérrelo y vuelva a intentarlo.</translation>
        </message>
        <message>
            <source>Could not {doing} the sessions database {path}: {reason}.</source>
            <translation>No se pudo completar la operación «{doing}» en la base de datos de sesiones {path}: {reason}.</translation>
        </message>
        <message>
            <source>Could not find a free file name beside {path}.</source>
            <translation>No se encontró un nombre de archivo libre junto a {path}.</translation>
        </message>
        <message>
            <source>The sessions database {path} is not a file. hipmap can start with a fresh database beside it; the old file is left as it is.</source>
            <translation>La base de datos de sesiones {path} no es un archivo. hipmap puede empezar con una base de datos nueva a su lado; el archivo antiguo se deja como está.</translation>
        </message>
        <message>
            <source>Could not open the sessions database {path}: {reason}.</source>
            <translation>No se pudo abrir la base de datos de sesiones {path}: {reason}.</translation>
        </message>
        <message>
            <source>expected a mapping, got {kind}</source>
            <translation>se esperaba un mapa de claves, no {kind}</translation>
        </message>
        <message>
            <source>unknown key {key} (expected one of: {allowed})</source>
            <translation>clave desconocida {key} (se esperaba una de: {allowed})</translation>
        </message>
        <message>
            <source>missing required key {key}</source>
            <translation>falta la clave obligatoria {key}</translation>
        </message>
        <message>
            <source>expected non-empty text, got {kind}</source>
            <translation>se esperaba un texto no vacío, no {kind}</translation>
        </message>
        <message>
            <source>expected a list, got {kind}</source>
            <translation>se esperaba una lista, no {kind}</translation>
        </message>
        <message>
            <source>expected text, got {kind}</source>
            <translation>se esperaba un texto, no {kind}</translation>
        </message>
        <message>
            <source>cannot read the file: {reason}</source>
            <translation>no se puede leer el archivo: {reason}</translation>
        </message>
        <message>
            <source>folder of muscle files not found</source>
            <translation>no se encuentra la carpeta de archivos de músculos</translation>
        </message>
        <message>
            <source>duplicate muscle id {id} (also in {name})</source>
            <translation>id de músculo repetido {id} (también en {name})</translation>
        </message>
        <message>
            <source>missing muscle {id}: every muscle in DESIGN.md needs a file</source>
            <translation>falta el músculo {id}: cada músculo de DESIGN.md necesita un archivo</translation>
        </message>
        <message>
            <source>region {region!r} is in no muscle's referral zone (essential or spillover): pain marked there can never be explained</source>
            <translation>la región {region!r} no está en la zona de dolor referido de ningún músculo (esencial o de extensión): el dolor marcado allí nunca se podrá explicar</translation>
        </message>
        <message>
            <source>expected a whole number from {low} to {high}, got {kind}</source>
            <translation>se esperaba un número entero de {low} a {high}, no {kind}</translation>
        </message>
        <message>
            <source>expected a target on the 0-10 scale like "4-7", got {kind}</source>
            <translation>se esperaba un objetivo en la escala de 0 a 10 como "4-7", no {kind}</translation>
        </message>
        <message>
            <source>must be a path inside assets/, got {value}</source>
            <translation>debe ser una ruta dentro de assets/, no {value}</translation>
        </message>
        <message>
            <source>file not found: {path}</source>
            <translation>no se encuentra el archivo: {path}</translation>
        </message>
        <message>
            <source>expected an &lt;svg&gt; root element, got &lt;{tag}&gt;</source>
            <translation>se esperaba un elemento raíz &lt;svg&gt;, no &lt;{tag}&gt;</translation>
        </message>
        <message>
            <source>expected a top-level list {key}</source>
            <translation>se esperaba una lista {key} en el nivel superior</translation>
        </message>
        <message>
            <source>unknown top-level key {extra} (expected only {key})</source>
            <translation>clave de nivel superior desconocida {extra} (solo se esperaba {key})</translation>
        </message>
        <message>
            <source>use lower-case letters, digits and _ only, got {value}</source>
            <translation>use solo minúsculas, dígitos y _, no {value}</translation>
        </message>
        <message>
            <source>duplicate exercise id {id}</source>
            <translation>id de ejercicio repetido {id}</translation>
        </message>
        <message>
            <source>expected {least} to {most} steps, got {count}</source>
            <translation>se esperaban de {least} a {most} pasos, no {count}</translation>
        </message>
        <message>
            <source>expected true or false, got {kind}</source>
            <translation>se esperaba true o false, no {kind}</translation>
        </message>
        <message>
            <source>only compression exercises have a {key}</source>
            <translation>solo los ejercicios de compresión tienen {key}</translation>
        </message>
        <message>
            <source>only a compression step can name the pressure ({slot})</source>
            <translation>solo un paso de compresión puede indicar la presión ({slot})</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>un valor vacío</translation>
        </message>
        <message>
            <source>a mapping</source>
            <translation>un mapa de claves</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>una lista</translation>
        </message>
        <message>
            <source>text {value}</source>
            <translation>el texto {value}</translation>
        </message>
        <message>
            <source>int {value}</source>
            <translation>el número entero {value}</translation>
        </message>
        <message>
            <source>float {value}</source>
            <translation>el número {value}</translation>
        </message>
        <message>
            <source>unknown value {value} (expected one of: {allowed})</source>
            <translation>valor desconocido {value} (se esperaba uno de: {allowed})</translation>
        </message>
        <message>
            <source>unknown {name} {value} (expected one of: {allowed})</source>
            <translation>{name} desconocido: {value} (se esperaba uno de: {allowed})</translation>
        </message>
        <message>
            <source>expected [start, end] with 0 &lt;= start &lt; end &lt;= 1, got {kind}</source>
            <translation>se esperaba [inicio, fin] con 0 &lt;= inicio &lt; fin &lt;= 1, no {kind}</translation>
        </message>
        <message>
            <source>give either 'source' or 'sources', not both</source>
            <translation>indique 'source' o 'sources', no ambas</translation>
        </message>
        <message>
            <source>unknown source {key} (expected one of: {allowed})</source>
            <translation>fuente desconocida {key} (se esperaba una de: {allowed})</translation>
        </message>
        <message>
            <source>expected a top-level mapping {key}</source>
            <translation>se esperaba un mapa de claves {key} en el nivel superior</translation>
        </message>
        <message>
            <source>{key} cannot be combined with 'path'</source>
            <translation>{key} no se puede combinar con 'path'</translation>
        </message>
        <message>
            <source>the shape lies outside the body on view {view}</source>
            <translation>la forma queda fuera del cuerpo en la vista {view}</translation>
        </message>
        <message>
            <source>none of {names} appears on any view in {views}</source>
            <translation>ninguna de {names} aparece en ninguna vista de {views}</translation>
        </message>
        <message>
            <source>none of {names} appears on any view</source>
            <translation>ninguna de {names} aparece en ninguna vista</translation>
        </message>
        <message>
            <source>is a stretch, not a compression set-up</source>
            <translation>es un estiramiento, no una compresión</translation>
        </message>
        <message>
            <source>is not in data/exercises.yaml</source>
            <translation>no está en data/exercises.yaml</translation>
        </message>
        <message>
            <source>{value} {what} (expected one of: {allowed})</source>
            <translation>{value} {what} (se esperaba uno de: {allowed})</translation>
        </message>
        <message>
            <source>expected 1 to {most} items, got {count}</source>
            <translation>se esperaban de 1 a {most} elementos, no {count}</translation>
        </message>
        <message>
            <source>give either 'compression' or 'instead' (for a muscle no ball can reach), not both</source>
            <translation>indique 'compression' o 'instead' (para un músculo al que no llega ninguna pelota), no ambas</translation>
        </message>
        <message>
            <source>missing required key 'compression' (or 'instead', for a muscle no ball can reach)</source>
            <translation>falta la clave obligatoria 'compression' (o 'instead', para un músculo al que no llega ninguna pelota)</translation>
        </message>
        <message>
            <source>unknown exercise {value} (not in data/exercises.yaml)</source>
            <translation>ejercicio desconocido {value} (no está en data/exercises.yaml)</translation>
        </message>
        <message>
            <source>{value} is a {kind} exercise, not a stretch</source>
            <translation>{value} es un ejercicio de tipo {kind}, no un estiramiento</translation>
        </message>
        <message>
            <source>{value} is listed twice</source>
            <translation>{value} aparece dos veces</translation>
        </message>
        <message>
            <source>id {id} does not match the file name {name}</source>
            <translation>el id {id} no coincide con el nombre del archivo {name}</translation>
        </message>
        <message>
            <source>unknown muscle id {id} (expected one of the ids in DESIGN.md)</source>
            <translation>id de músculo desconocido {id} (se esperaba uno de los ids de DESIGN.md)</translation>
        </message>
        <message>
            <source>at least one trigger point is needed</source>
            <translation>hace falta al menos un punto gatillo</translation>
        </message>
        <message>
            <source>expected [x, y] numbers, got {kind}</source>
            <translation>se esperaban números [x, y], no {kind}</translation>
        </message>
        <message>
            <source>region {region} is not drawn on view {view}</source>
            <translation>la región {region} no está dibujada en la vista {view}</translation>
        </message>
        <message>
            <source>it lies in {region}</source>
            <translation>está en {region}</translation>
        </message>
        <message>
            <source>it lies outside the body</source>
            <translation>está fuera del cuerpo</translation>
        </message>
        <message>
            <source>({x}, {y}) is not inside region {region} on view {view}; {inside}</source>
            <translation>({x}, {y}) no está dentro de la región {region} en la vista {view}; {inside}</translation>
        </message>
        <message>
            <source>the essential zone cannot be empty</source>
            <translation>la zona esencial no puede estar vacía</translation>
        </message>
        <message>
            <source>the zone is empty on every view</source>
            <translation>la zona está vacía en todas las vistas</translation>
        </message>
        <message>
            <source>expected a snake_case id (like 'night_pain'), got {kind}</source>
            <translation>se esperaba un id en snake_case (como 'night_pain'), no {kind}</translation>
        </message>
        <message>
            <source>expected a mapping of entries by id, got {kind}</source>
            <translation>se esperaba un mapa de entradas por id, no {kind}</translation>
        </message>
        <message>
            <source>at least one advice entry is needed</source>
            <translation>hace falta al menos una entrada de consejo</translation>
        </message>
        <message>
            <source>duplicate question id {id} (first given on line {line})</source>
            <translation>id de pregunta repetido {id} (dado por primera vez en la línea {line})</translation>
        </message>
        <message>
            <source>a yes/no question should end with '?'</source>
            <translation>una pregunta de sí o no debe terminar en '?'</translation>
        </message>
        <message>
            <source>none are given</source>
            <translation>no se da ninguno</translation>
        </message>
        <message>
            <source>unknown advice {id} (expected one of: {allowed})</source>
            <translation>consejo desconocido {id} (se esperaba uno de: {allowed})</translation>
        </message>
        <message>
            <source>{urgency} differs from the urgency of its advice {id} ({other}); they must match</source>
            <translation>{urgency} no coincide con la urgencia de su consejo {id} ({other}); deben coincidir</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>el archivo está vacío</translation>
        </message>
        <message>
            <source>expected a mapping with keys {keys}, got {kind}</source>
            <translation>se esperaba un mapa con las claves {keys}, no {kind}</translation>
        </message>
        <message>
            <source>the screen needs at least one question</source>
            <translation>la revisión necesita al menos una pregunta</translation>
        </message>
        <message>
            <source>advice {id} is not used by any question</source>
            <translation>ninguna pregunta usa el consejo {id}</translation>
        </message>
        <message>
            <source>file is too large ({size} bytes; the limit is {limit})</source>
            <translation>el archivo es demasiado grande ({size} bytes; el límite es {limit})</translation>
        </message>
        <message>
            <source>DOCTYPE and entity declarations are not allowed</source>
            <translation>no se permiten declaraciones DOCTYPE ni de entidades</translation>
        </message>
        <message>
            <source>invalid XML: {reason}</source>
            <translation>XML no válido: {reason}</translation>
        </message>
        <message>
            <source>XML nested too deeply</source>
            <translation>XML anidado a demasiada profundidad</translation>
        </message>
        <message>
            <source>unsupported encoding in the XML declaration ({reason})</source>
            <translation>codificación no admitida en la declaración XML ({reason})</translation>
        </message>
        <message>
            <source>not an SVG document (the root element must be &lt;svg&gt;)</source>
            <translation>no es un documento SVG (el elemento raíz debe ser &lt;svg&gt;)</translation>
        </message>
        <message>
            <source>unsupported transform {value} (use matrix, translate or scale)</source>
            <translation>transformación no admitida {value} (use matrix, translate o scale)</translation>
        </message>
        <message>
            <source>transform numbers must be finite</source>
            <translation>los números de una transformación deben ser finitos</translation>
        </message>
        <message>
            <source>wrong number of values in {value}</source>
            <translation>número de valores incorrecto en {value}</translation>
        </message>
        <message>
            <source>viewBox must be four numbers with positive width and height, got {value}</source>
            <translation>viewBox debe ser cuatro números con anchura y altura positivas, no {value}</translation>
        </message>
        <message>
            <source>unknown id {id} (expected one of: {allowed})</source>
            <translation>id desconocido {id} (se esperaba uno de: {allowed})</translation>
        </message>
        <message>
            <source>expected {count} item(s), one for each in English, got {found}</source>
            <translation>se esperaban {count} elementos, uno por cada uno en inglés, no {found}</translation>
        </message>
        <message>
            <source>expected {language} (the file name), got {kind}</source>
            <translation>se esperaba {language} (el nombre del archivo), no {kind}</translation>
        </message>
        <message>
            <source>the file name must be a language code such as es.yaml, got {name}</source>
            <translation>el nombre del archivo debe ser un código de idioma como es.yaml, no {name}</translation>
        </message>
        <message>
            <source>the muscle has no self-care to translate</source>
            <translation>el músculo no tiene autocuidado que traducir</translation>
        </message>
        <message>
            <source>the muscle has no compression set-up (it has 'instead'), so there is no 'where' to translate</source>
            <translation>el músculo no tiene compresión (tiene 'instead'), así que no hay 'where' que traducir</translation>
        </message>
        <message>
            <source>the muscle has a compression set-up, not 'instead' (translate its 'where')</source>
            <translation>el músculo tiene compresión, no 'instead' (traduzca su 'where')</translation>
        </message>
        <message>
            <source>unknown region {region} (the region vocabulary is fixed; see DESIGN.md)</source>
            <translation>región desconocida {region} (el vocabulario de regiones es fijo; vea DESIGN.md)</translation>
        </message>
        <message>
            <source>missing region {region}</source>
            <translation>falta la región {region}</translation>
        </message>
        <message>
            <source>SVG file not found</source>
            <translation>no se encuentra el archivo SVG</translation>
        </message>
        <message>
            <source>missing &lt;g id="side-right"&gt; holding the right side of the body</source>
            <translation>falta el &lt;g id="side-right"&gt; con el lado derecho del cuerpo</translation>
        </message>
        <message>
            <source>the &lt;use&gt; of #side-right must be a left-right mirror: matrix(-1 0 0 1 W 0)</source>
            <translation>el &lt;use&gt; de #side-right debe ser un espejo izquierda-derecha: matrix(-1 0 0 1 W 0)</translation>
        </message>
        <message>
            <source>the mirror of #side-right must lie on the diagram: its axis x={x} is outside the viewBox</source>
            <translation>el espejo de #side-right debe quedar sobre el diagrama: su eje x={x} está fuera del viewBox</translation>
        </message>
        <message>
            <source>missing &lt;path id="body"&gt; (the outline of the right side of the body)</source>
            <translation>falta el &lt;path id="body"&gt; (el contorno del lado derecho del cuerpo)</translation>
        </message>
        <message>
            <source>unknown region {region} in id {id}</source>
            <translation>región desconocida {region} en el id {id}</translation>
        </message>
        <message>
            <source>duplicate region {region} (first on line {line})</source>
            <translation>región repetida {region} (la primera en la línea {line})</translation>
        </message>
        <message>
            <source>region {region} must be a &lt;path&gt; with a 'd' attribute</source>
            <translation>la región {region} debe ser un &lt;path&gt; con un atributo 'd'</translation>
        </message>
        <message>
            <source>missing region {region} (expected &lt;path id="region-{id}"&gt;)</source>
            <translation>falta la región {region} (se esperaba &lt;path id="region-{id}"&gt;)</translation>
        </message>
        <message>
            <source>region {region} is drawn but data/views.yaml does not list it for view {view}</source>
            <translation>la región {region} está dibujada, pero data/views.yaml no la incluye en la vista {view}</translation>
        </message>
        <message>
            <source>regions {region} and {other} overlap ({area} square units)</source>
            <translation>las regiones {region} y {other} se solapan ({area} unidades cuadradas)</translation>
        </message>
        <message>
            <source>regions reach {area} square units outside the body outline</source>
            <translation>las regiones sobresalen {area} unidades cuadradas del contorno del cuerpo</translation>
        </message>
        <message>
            <source>missing view {view}</source>
            <translation>falta la vista {view}</translation>
        </message>
        <message>
            <source>view {view} mirrors {other}, which is itself a mirror</source>
            <translation>la vista {view} refleja {other}, que ya es un reflejo</translation>
        </message>
        <message>
            <source>view {view} mirrors {other}, which already shows both sides</source>
            <translation>la vista {view} refleja {other}, que ya muestra los dos lados</translation>
        </message>
        <message>
            <source>anchors and aliases (&amp; and *) are not supported in hipmap data</source>
            <translation>los anclajes y alias (&amp; y *) no se admiten en los datos de hipmap</translation>
        </message>
        <message>
            <source>unsupported YAML tag {tag}</source>
            <translation>etiqueta YAML no admitida {tag}</translation>
        </message>
        <message>
            <source>merge keys (&lt;&lt;) are not supported in hipmap data</source>
            <translation>las claves de fusión (&lt;&lt;) no se admiten en los datos de hipmap</translation>
        </message>
        <message>
            <source>a mapping key must be a plain value</source>
            <translation>una clave de un mapa debe ser un valor simple</translation>
        </message>
        <message>
            <source>duplicate key {key} (first given on line {line})</source>
            <translation>clave repetida {key} (dada por primera vez en la línea {line})</translation>
        </message>
        <message>
            <source>invalid YAML value: {reason}</source>
            <translation>valor YAML no válido: {reason}</translation>
        </message>
        <message>
            <source>invalid YAML: {reason} (character {shown})</source>
            <translation>YAML no válido: {reason} (carácter {shown})</translation>
        </message>
        <message>
            <source>invalid YAML: {reason}</source>
            <translation>YAML no válido: {reason}</translation>
        </message>
        <message>
            <source>YAML nested too deeply</source>
            <translation>YAML anidado a demasiada profundidad</translation>
        </message>
        <message>
            <source>file is not valid UTF-8 text</source>
            <translation>el archivo no es texto UTF-8 válido</translation>
        </message>
        <message>
            <source>a shape needs at least three points</source>
            <translation>una forma necesita al menos tres puntos</translation>
        </message>
        <message>
            <source>not a valid polygon ({reason})</source>
            <translation>no es un polígono válido ({reason})</translation>
        </message>
        <message>
            <source>the shape has no area</source>
            <translation>la forma no tiene área</translation>
        </message>
        <message>
            <source>path data is too long ({count} characters)</source>
            <translation>los datos del trazado son demasiado largos ({count} caracteres)</translation>
        </message>
        <message>
            <source>unexpected character {value} in path data</source>
            <translation>carácter inesperado {value} en los datos del trazado</translation>
        </message>
        <message>
            <source>number out of range: {value}</source>
            <translation>número fuera de rango: {value}</translation>
        </message>
        <message>
            <source>path data must start with a move command (M)</source>
            <translation>los datos del trazado deben empezar con un comando de movimiento (M)</translation>
        </message>
        <message>
            <source>arc commands (A) are not supported; use curves (C)</source>
            <translation>los comandos de arco (A) no se admiten; use curvas (C)</translation>
        </message>
        <message>
            <source>numbers after Z without a new command</source>
            <translation>números después de Z sin un comando nuevo</translation>
        </message>
        <message>
            <source>command {command} needs {count} numbers</source>
            <translation>el comando {command} necesita {count} números</translation>
        </message>
        <message>
            <source>path data is empty</source>
            <translation>los datos del trazado están vacíos</translation>
        </message>
        <message>
            <source>the shape is empty (a mark must cover some area)</source>
            <translation>la forma está vacía (una marca debe cubrir algo de superficie)</translation>
        </message>
        <message>
            <source>a folder</source>
            <translation>una carpeta</translation>
        </message>
        <message>
            <source>a pipe (FIFO)</source>
            <translation>una tubería (FIFO)</translation>
        </message>
        <message>
            <source>a device</source>
            <translation>un dispositivo</translation>
        </message>
        <message>
            <source>a socket</source>
            <translation>un socket</translation>
        </message>
        <message>
            <source>not a regular file</source>
            <translation>no es un archivo normal</translation>
        </message>
        <message>
            <source>not a regular file ({kind})</source>
            <translation>no es un archivo normal ({kind})</translation>
        </message>
        <message>
            <source>file is too large (over {limit} bytes)</source>
            <translation>el archivo es demasiado grande (más de {limit} bytes)</translation>
        </message>
        <message>
            <source>its integrity check failed (“{reason}”)</source>
            <translation>su comprobación de integridad falló (“{reason}”)</translation>
        </message>
        <message>
            <source>expected a label, got an empty one</source>
            <translation>se esperaba una etiqueta, pero está vacía</translation>
        </message>
        <message>
            <source>a person's label is not text</source>
            <translation>la etiqueta de una persona no es texto</translation>
        </message>
        <message>
            <source>expected a new label, got an empty one</source>
            <translation>se esperaba una etiqueta nueva, pero está vacía</translation>
        </message>
        <message>
            <source>there is already someone called {name}</source>
            <translation>ya hay alguien llamado {name}</translation>
        </message>
        <message>
            <source>session {id} is damaged ({reason})</source>
            <translation>la sesión {id} está dañada ({reason})</translation>
        </message>
        <message>
            <source>SQLite reports “{reason}”</source>
            <translation>SQLite informa “{reason}”</translation>
        </message>
        <message>
            <source>it is not an SQLite database</source>
            <translation>no es una base de datos SQLite</translation>
        </message>
        <message>
            <source>its header is damaged</source>
            <translation>su cabecera está dañada</translation>
        </message>
        <message>
            <source>it is shorter than its header says ({size} of {expected} bytes), so it was probably cut off</source>
            <translation>es más corta de lo que dice su cabecera ({size} de {expected} bytes), así que probablemente se cortó</translation>
        </message>
        <message>
            <source>it is an SQLite database, but another program's, not hipmap's</source>
            <translation>es una base de datos SQLite, pero de otro programa, no de hipmap</translation>
        </message>
        <message>
            <source>its schema version ({version}) is damaged</source>
            <translation>su versión de esquema ({version}) está dañada</translation>
        </message>
        <message>
            <source>it has hipmap's tables but no schema version</source>
            <translation>tiene las tablas de hipmap, pero no una versión de esquema</translation>
        </message>
        <message>
            <source>it has a schema version but no hipmap mark</source>
            <translation>tiene una versión de esquema, pero no la marca de hipmap</translation>
        </message>
        <message>
            <source>its {tables} table is missing</source>
            <translation>falta su tabla {tables}</translation>
        </message>
        <message>
            <source>the file is missing but its -wal journal is still there</source>
            <translation>falta el archivo, pero su diario -wal sigue ahí</translation>
        </message>
        <message>
            <source>expected a whole number from 0 to 10 or None, got {value}</source>
            <translation>se esperaba un número entero de 0 a 10 o None, no {value}</translation>
        </message>
        <message>
            <source>expected text, got {value}</source>
            <translation>se esperaba un texto, no {value}</translation>
        </message>
        <message>
            <source>expected a label of at most {most} characters on one line, got {value}</source>
            <translation>se esperaba una etiqueta de {most} caracteres como máximo en una línea, no {value}</translation>
        </message>
        <message>
            <source>expected ISO 8601 UTC like 2026-11-25T03:34:12Z, got {value}</source>
            <translation>se esperaba ISO 8601 UTC como 2026-11-25T03:34:12Z, no {value}</translation>
        </message>
        <message>
            <source>expected a list of at most {most} objects, got {value}</source>
            <translation>se esperaba una lista de {most} objetos como máximo, no {value}</translation>
        </message>
        <message>
            <source>expected an object, got {value}</source>
            <translation>se esperaba un objeto, no {value}</translation>
        </message>
        <message>
            <source>expected non-empty text, got {value}</source>
            <translation>se esperaba un texto no vacío, no {value}</translation>
        </message>
        <message>
            <source>expected 'left', 'right' or 'both', got {value}</source>
            <translation>se esperaba 'left', 'right' o 'both', no {value}</translation>
        </message>
        <message>
            <source>expected a number from 0 to 1, got {value}</source>
            <translation>se esperaba un número de 0 a 1, no {value}</translation>
        </message>
        <message>
            <source>expected an object or None, got {value}</source>
            <translation>se esperaba un objeto o None, no {value}</translation>
        </message>
        <message>
            <source>expected a list, got {value}</source>
            <translation>se esperaba una lista, no {value}</translation>
        </message>
        <message>
            <source>expected one of {expected}, got {value}</source>
            <translation>se esperaba uno de {expected}, no {value}</translation>
        </message>
        <message>
            <source>expected a whole number from 0, got {value}</source>
            <translation>se esperaba un número entero desde 0, no {value}</translation>
        </message>
        <message>
            <source>expected a number of seconds from 0, got {value}</source>
            <translation>se esperaba un número de segundos desde 0, no {value}</translation>
        </message>
        <message>
            <source>expected true or false, got {value}</source>
            <translation>se esperaba true o false, no {value}</translation>
        </message>
        <message>
            <source>cannot be stored as JSON ({reason})</source>
            <translation>no se puede guardar como JSON ({reason})</translation>
        </message>
        <message>
            <source>too large to store ({count} characters; the limit is {limit})</source>
            <translation>demasiado grande para guardarlo ({count} caracteres; el límite es {limit})</translation>
        </message>
        <message>
            <source>expected a year from {low} to {high}, got {value}</source>
            <translation>se esperaba un año de {low} a {high}, no {value}</translation>
        </message>
        <message>
            <source>expected a number from 0 to 1 or None, got {value}</source>
            <translation>se esperaba un número de 0 a 1 o None, no {value}</translation>
        </message>
        <message>
            <source>expected 0 or 1, got {value}</source>
            <translation>se esperaba 0 o 1, no {value}</translation>
        </message>
        <message>
            <source>expected a whole number from 0 to {most}, got {value}</source>
            <translation>se esperaba un número entero de 0 a {most}, no {value}</translation>
        </message>
        <message>
            <source>expected a positive whole number or None, got {value}</source>
            <translation>se esperaba un número entero positivo o None, no {value}</translation>
        </message>
        <message>
            <source>a pain map object ("format": "{format}")</source>
            <translation>un objeto de mapa de dolor ("format": "{format}")</translation>
        </message>
        <message>
            <source>expected {expected}, got {value}</source>
            <translation>se esperaba {expected}, no {value}</translation>
        </message>
        <message>
            <source>missing the smoothed zones of muscle {id}: run tools/smooth_zones.py</source>
            <translation>faltan las zonas suavizadas del músculo {id}: ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>made from another version of {source} than the one there now: run tools/smooth_zones.py</source>
            <translation>hecho a partir de otra versión de {source} distinta de la actual: ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>made from {source}, which it no longer is: run tools/smooth_zones.py</source>
            <translation>hecho a partir de {source}, que ya no se usa: ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>not made from {source}, which the zones now use: run tools/smooth_zones.py</source>
            <translation>no está hecho a partir de {source}, que las zonas usan ahora: ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>made by another version of the smoothing ({version}; now {current}): run tools/smooth_zones.py</source>
            <translation>hecho por otra versión del suavizado ({version}; ahora {current}): ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>the zones are drawn on other views now: run tools/smooth_zones.py</source>
            <translation>las zonas se dibujan ahora en otras vistas: ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>not what tools/smooth_zones.py writes: run tools/smooth_zones.py</source>
            <translation>no es lo que escribe tools/smooth_zones.py: ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>no muscle {id} in data/muscles: delete the file or run tools/smooth_zones.py</source>
            <translation>no hay ningún músculo {id} en data/muscles: borre el archivo o ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>cannot read {source} to check the smoothed zones: run tools/smooth_zones.py</source>
            <translation>no se puede leer {source} para comprobar las zonas suavizadas: ejecute tools/smooth_zones.py</translation>
        </message>
        <message>
            <source>'under' is for a deep muscle; it is superficial on this view</source>
            <translation>'under' es para un músculo profundo; en esta vista es superficial</translation>
        </message>
        <message>
            <source>'under' is for a deep muscle; this one is superficial</source>
            <translation>'under' es para un músculo profundo; este es superficial</translation>
        </message>
        <message>
            <source>a deep muscle needs 'under': the muscles that lie over it</source>
            <translation>un músculo profundo necesita 'under': los músculos que tiene encima</translation>
        </message>
        <message>
            <source>a deep muscle needs 'under': the muscles that lie over it on this view</source>
            <translation>un músculo profundo necesita 'under': los músculos que tiene encima en esta vista</translation>
        </message>
        <message>
            <source>a muscle cannot lie under itself ({name})</source>
            <translation>un músculo no puede estar debajo de sí mismo ({name})</translation>
        </message>
        <message>
            <source>an outline needs at least three points</source>
            <translation>un contorno necesita al menos tres puntos</translation>
        </message>
        <message>
            <source>expected SVG path data, got {kind}</source>
            <translation>se esperaban datos de trazado SVG, pero hay {kind}</translation>
        </message>
        <message>
            <source>expected a mapping of views, got {kind}</source>
            <translation>se esperaba una correspondencia de vistas, pero hay {kind}</translation>
        </message>
        <message>
            <source>expected one closed path, got {count} subpaths</source>
            <translation>se esperaba un solo trazado cerrado, pero hay {count} subtrazados</translation>
        </message>
        <message>
            <source>expected one open line of at least two points</source>
            <translation>se esperaba una línea abierta de al menos dos puntos</translation>
        </message>
        <message>
            <source>expected {least} to {most} lines, got {count}</source>
            <translation>se esperaban de {least} a {most} líneas, pero hay {count}</translation>
        </message>
        <message>
            <source>folder of muscle shapes (data/anatomy) not found</source>
            <translation>no se encuentra la carpeta de formas de los músculos (data/anatomy)</translation>
        </message>
        <message>
            <source>missing the shape of muscle {id}: every muscle needs data/anatomy/{name}.yaml</source>
            <translation>falta la forma del músculo {id}: cada músculo necesita data/anatomy/{name}.yaml</translation>
        </message>
        <message>
            <source>the fibre line runs {units} units outside its outline</source>
            <translation>la línea de fibras sale {units} unidades fuera de su contorno</translation>
        </message>
        <message>
            <source>the outline has no area</source>
            <translation>el contorno no tiene área</translation>
        </message>
        <message>
            <source>expected 2 to {most} parts, got {count}</source>
            <translation>se esperaban de 2 a {most} partes; hay {count}</translation>
        </message>
        <message>
            <source>give either 'outline' and 'fibres' or 'parts', not both</source>
            <translation>indique 'outline' y 'fibres' o bien 'parts', no ambos</translation>
        </message>
        <message>
            <source>the parts do not join into one shape</source>
            <translation>las partes no se unen en una sola forma</translation>
        </message>
        <message>
            <source>the outline is not closed (end it with Z)</source>
            <translation>el contorno no está cerrado (termínelo con Z)</translation>
        </message>
        <message>
            <source>the outline lies on the person's left side; draw the right side ({toward} on view {view}): the left is its mirror image</source>
            <translation>el contorno está en el lado izquierdo de la persona; dibuje el lado derecho ({toward} en la vista {view}): el izquierdo es su imagen reflejada</translation>
        </message>
        <message>
            <source>the outline reaches {area} square units outside the body outline of view {view}</source>
            <translation>el contorno sale {area} unidades cuadradas fuera del contorno del cuerpo en la vista {view}</translation>
        </message>
        <message>
            <source>unknown muscle {name} (expected one of the ids in DESIGN.md)</source>
            <translation>músculo desconocido {name} (se esperaba uno de los identificadores de DESIGN.md)</translation>
        </message>
        <message>
            <source>unknown view {view} ({why})</source>
            <translation>vista desconocida {view} ({why})</translation>
        </message>
        <message>
            <source>{other} has no shape on view {view} (data/anatomy/{name}.yaml)</source>
            <translation>{other} no tiene forma en la vista {view} (data/anatomy/{name}.yaml)</translation>
        </message>
        <message>
            <source>{value} is listed twice (also item {other})</source>
            <translation>{value} aparece dos veces (también el elemento {other})</translation>
        </message>
        <message>
            <source>{where}: {text}</source>
            <translation>{where}: {text}</translation>
        </message>
    </context>
    <context>
        <name>cue</name>
        <message>
            <source>Hold</source>
            <translation>Mantenga</translation>
        </message>
        <message>
            <source>Rest</source>
            <translation>Descanse</translation>
        </message>
    </context>
    <context>
        <name>document</name>
        <message>
            <source>Mark pain</source>
            <translation>Marcar dolor</translation>
        </message>
        <message>
            <source>Paint pain</source>
            <translation>Pintar dolor</translation>
        </message>
        <message>
            <source>Mark {side} {lower}</source>
            <translation>Marcar {lower} ({side})</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>Clear all marks</source>
            <translation>Borrar todas las marcas</translation>
        </message>
        <message>
            <source>Restore unsaved marks</source>
            <translation>Recuperar las marcas sin guardar</translation>
        </message>
        <message>
            <source>cannot write {path}: {errorString}</source>
            <translation>no se puede escribir {path}: {errorString}</translation>
        </message>
    </context>
    <context>
        <name>explore</name>
        <message>
            <source>{name}, {side} side</source>
            <translation>{name}, lado {side}</translation>
        </message>
        <message>
            <source>{muscle} (deep)</source>
            <translation>{muscle} (profundo)</translation>
        </message>
        <message>
            <source>over it: {names}</source>
            <translation>encima: {names}</translation>
        </message>
        <message>
            <source>deep: {names}</source>
            <translation>debajo: {names}</translation>
        </message>
        <message>
            <source>{number} of {count}: the wheel or [ and ] choose; click selects</source>
            <translation>{number} de {count}: la rueda o [ y ] eligen; un clic selecciona</translation>
        </message>
        <message>
            <source>Click to select it</source>
            <translation>Haga clic para seleccionarlo</translation>
        </message>
        <message>
            <source>Muscle under the pointer</source>
            <translation>Músculo bajo el puntero</translation>
        </message>
    </context>
    <context>
        <name>firstframe</name>
        <message>
            <source>Body diagrams (loading)</source>
            <translation>Diagramas del cuerpo (cargando)</translation>
        </message>
        <message>
            <source>Loading the body atlas…</source>
            <translation>Cargando el atlas del cuerpo…</translation>
        </message>
    </context>
    <context>
        <name>handout</name>
        <message>
            <source>hipmap — self-care handout</source>
            <translation>hipmap — hoja de autocuidado</translation>
        </message>
        <message>
            <source>If you answer yes to any of these, get medical help now: go to an emergency department, or call emergency services if you cannot get there safely.</source>
            <translation>Si responde sí a alguna de estas preguntas, busque ayuda médica ahora: vaya a un servicio de urgencias, o llame a los servicios de emergencia si no puede llegar de forma segura.</translation>
        </message>
        <message>
            <source>If you answer yes to any of these, contact a doctor today, or within 24 hours at the latest.</source>
            <translation>Si responde sí a alguna de estas preguntas, póngase en contacto con un médico hoy, o como muy tarde en 24 horas.</translation>
        </message>
        <message>
            <source>If you answer yes to any of these, book an appointment with a doctor or physiotherapist in the next few days.</source>
            <translation>Si responde sí a alguna de estas preguntas, pida cita con un médico o un fisioterapeuta en los próximos días.</translation>
        </message>
        <message>
            <source>deep in the muscle</source>
            <translation>en la profundidad del músculo</translation>
        </message>
        <message>
            <source>close to the surface</source>
            <translation>cerca de la superficie</translation>
        </message>
        <message>
            <source>page size must be A4 or Letter, got {page_size!r}</source>
            <translation>el tamaño de página debe ser A4 o Carta, no {page_size!r}</translation>
        </message>
        <message>
            <source>unknown muscle {muscle_id!r}</source>
            <translation>músculo desconocido {muscle_id!r}</translation>
        </message>
        <message>
            <source>side must be 'left' or 'right', got {side!r}</source>
            <translation>el lado debe ser 'left' o 'right', no {side!r}</translation>
        </message>
        <message>
            <source>choose at least one muscle for the handout</source>
            <translation>elija al menos un músculo para la hoja informativa</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Where:&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Dónde:&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;It should feel:&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Qué debe sentir:&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Avoid:&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Evite:&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Good to know:&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Conviene saber:&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>Lado</translation>
        </message>
        <message>
            <source>Hold × reps</source>
            <translation>Mantener × repeticiones</translation>
        </message>
        <message>
            <source>Rest</source>
            <translation>Descanso</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Tiempo</translation>
        </message>
        <message>
            <source>{upper} SIDE</source>
            <translation>LADO {upper}</translation>
        </message>
        <message>
            <source>← back     front →</source>
            <translation>← detrás     delante →</translation>
        </message>
        <message>
            <source>← front     back →</source>
            <translation>← delante     detrás →</translation>
        </message>
        <message>
            <source>LEFT</source>
            <translation>IZQ.</translation>
        </message>
        <message>
            <source>RIGHT</source>
            <translation>DER.</translation>
        </message>
        <message>
            <source>{title} view</source>
            <translation>Vista: {title}</translation>
        </message>
        <message>
            <source>Where you marked pain. The number is how strong it is, from 0 to 10.</source>
            <translation>Donde marcó dolor. El número indica su intensidad, de 0 a 10.</translation>
        </message>
        <message>
            <source>Dashed edge: tingling or numbness, a nerve sign to have examined.</source>
            <translation>Borde discontinuo: hormigueo o entumecimiento, un signo nervioso que conviene examinar.</translation>
        </message>
        <message>
            <source>Trigger point. The number is the muscle's number in this handout.</source>
            <translation>Punto gatillo. El número es el del músculo en esta hoja.</translation>
        </message>
        <message>
            <source>Essential zone (solid): where pain from this muscle is usually felt.</source>
            <translation>Zona principal (sólida): donde suele notarse el dolor de este músculo.</translation>
        </message>
        <message>
            <source>Spillover zone (hatched): where it is sometimes felt too.</source>
            <translation>Zona de extensión (rayada): donde a veces también se nota.</translation>
        </message>
        <message>
            <source>Dotted line: the pain you marked.</source>
            <translation>Línea de puntos: el dolor que usted marcó.</translation>
        </message>
        <message>
            <source>Trigger point: a tender spot in the muscle that sends pain elsewhere.</source>
            <translation>Punto gatillo: un punto sensible del músculo que envía dolor a otra parte.</translation>
        </message>
        <message>
            <source>Red-brown shape with fibre lines: where the muscle lies.</source>
            <translation>Forma rojiza con líneas de fibras: dónde está el músculo.</translation>
        </message>
        <message>
            <source>Dashed red-brown shape: the muscle lies deep, under the muscles outlined faintly over it.</source>
            <translation>Forma rojiza discontinua: el músculo está en profundidad, bajo los músculos perfilados tenuemente encima.</translation>
        </message>
        <message>
            <source>LEFT and RIGHT are your own left and right.</source>
            <translation>IZQ. (izquierda) y DER. (derecha) son su propia izquierda y derecha.</translation>
        </message>
        <message>
            <source>once</source>
            <translation>una vez</translation>
        </message>
        <message>
            <source>twice</source>
            <translation>dos veces</translation>
        </message>
        <message numerus="yes">
            <source>%n times</source>
            <translation>
                <numerusform>%n vez</numerusform>
                <numerusform>%n veces</numerusform>
            </translation>
        </message>
        <message>
            <source> · rest {rest_s} s between</source>
            <translation> · descanso de {rest_s} s entre medias</translation>
        </message>
        <message>
            <source> · each side</source>
            <translation> · cada lado</translation>
        </message>
        <message>
            <source>Pressure {pressure} out of 10 · hold {hold_s} s · {times}{rest}{side}</source>
            <translation>Presión {pressure} de 10 · mantener {hold_s} s · {times}{rest}{side}</translation>
        </message>
        <message>
            <source>Hold {hold_s} s · {times}{rest}{side}</source>
            <translation>Mantener {hold_s} s · {times}{rest}{side}</translation>
        </message>
        <message>
            <source>{name}, both sides</source>
            <translation>{name}, ambos lados</translation>
        </message>
        <message>
            <source>{name}, {side} side</source>
            <translation>{name}, lado {side}</translation>
        </message>
        <message>
            <source>&lt;table width='100%' cellspacing='0' cellpadding='0'&gt;&lt;tr&gt;&lt;td&gt;&lt;h1&gt;{e}&lt;/h1&gt;&lt;p class='quiet'&gt;Prepared on {date} · for self-care of: {e2}&lt;/p&gt;&lt;/td&gt;&lt;td align='right' width='32%'&gt;&lt;p class='quiet'&gt;&lt;br&gt;Name: ______________________&lt;/p&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p class='lead'&gt;You marked where it hurts, and hipmap found the muscles whose trigger points most often send pain to those places. For each muscle this handout shows where its trigger points are and what you can do: pressure with a tennis ball, gentle stretches and everyday habits. Stop anything that causes sharp pain. Please read the warning signs at the end before you start.&lt;/p&gt;</source>
            <translation>&lt;table width='100%' cellspacing='0' cellpadding='0'&gt;&lt;tr&gt;&lt;td&gt;&lt;h1&gt;{e}&lt;/h1&gt;&lt;p class='quiet'&gt;Preparada el {date} · para el autocuidado de: {e2}&lt;/p&gt;&lt;/td&gt;&lt;td align='right' width='32%'&gt;&lt;p class='quiet'&gt;&lt;br&gt;Nombre: ______________________&lt;/p&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p class='lead'&gt;Usted marcó dónde le duele, y hipmap encontró los músculos cuyos puntos gatillo envían dolor con más frecuencia a esos lugares. Para cada músculo, esta hoja muestra dónde están sus puntos gatillo y qué puede hacer: presión con una pelota de tenis, estiramientos suaves y hábitos diarios. Deje cualquier cosa que le cause un dolor agudo. Antes de empezar, lea por favor las señales de alarma del final.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Where you marked pain, and the trigger points</source>
            <translation>Donde marcó dolor, y los puntos gatillo</translation>
        </message>
        <message>
            <source>Where the trigger points are</source>
            <translation>Dónde están los puntos gatillo</translation>
        </message>
        <message>
            <source>&lt;li&gt;&lt;b&gt;{e}&lt;/b&gt;, both sides&lt;br&gt;&lt;span class='quiet'&gt;{e2}&lt;/span&gt;&lt;/li&gt;</source>
            <translation>&lt;li&gt;&lt;b&gt;{e}&lt;/b&gt;, ambos lados&lt;br&gt;&lt;span class='quiet'&gt;{e2}&lt;/span&gt;&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;&lt;b&gt;{e}&lt;/b&gt;, {side} side&lt;br&gt;&lt;span class='quiet'&gt;{e2}&lt;/span&gt;&lt;/li&gt;</source>
            <translation>&lt;li&gt;&lt;b&gt;{e}&lt;/b&gt;, lado {side}&lt;br&gt;&lt;span class='quiet'&gt;{e2}&lt;/span&gt;&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;The muscles in this handout&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Los músculos de esta hoja&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>First read &lt;b&gt;When to see a doctor&lt;/b&gt; near the end. If any of those signs applies to you, see a clinician instead of starting self-care.</source>
            <translation>Lea primero &lt;b&gt;Cuándo ir al médico&lt;/b&gt;, cerca del final. Si alguno de esos signos le afecta, consulte a un profesional sanitario en lugar de empezar el autocuidado.</translation>
        </message>
        <message>
            <source>For each muscle, find its trigger points (the X marks) on the diagrams and in the words beside them: that is where the tennis ball goes, not where the pain is felt.</source>
            <translation>Para cada músculo, busque sus puntos gatillo (las X) en los diagramas y en el texto de al lado: ahí es donde va la pelota de tenis, no donde se nota el dolor.</translation>
        </message>
        <message>
            <source>Press and stretch as written: a tender but tolerable pressure and a mild stretch, never sharp pain and no bouncing.</source>
            <translation>Presione y estire tal como se indica: una presión que moleste pero sea tolerable y un estiramiento suave, nunca un dolor agudo y sin rebotes.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Your routine&lt;/b&gt; lists every step in order with its timing (about {max} minutes in all).</source>
            <translation>&lt;b&gt;Su rutina&lt;/b&gt; enumera todos los pasos en orden con sus tiempos (unos {max} minutos en total).</translation>
        </message>
        <message>
            <source>&lt;h3&gt;How to use this handout&lt;/h3&gt;&lt;ol&gt;</source>
            <translation>&lt;h3&gt;Cómo usar esta hoja&lt;/h3&gt;&lt;ol&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;{number}. {e} — both sides&lt;/h2&gt;&lt;p class='lead'&gt;{e2}&lt;/p&gt;</source>
            <translation>&lt;h2&gt;{number}. {e} — ambos lados&lt;/h2&gt;&lt;p class='lead'&gt;{e2}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h2&gt;{number}. {e} — {side} side&lt;/h2&gt;&lt;p class='lead'&gt;{e2}&lt;/p&gt;</source>
            <translation>&lt;h2&gt;{number}. {e} — lado {side}&lt;/h2&gt;&lt;p class='lead'&gt;{e2}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p class='quiet'&gt;Why it fits your pain: {e}&lt;/p&gt;</source>
            <translation>&lt;p class='quiet'&gt;Por qué encaja con su dolor: {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;{e}&lt;br&gt;&lt;span class='quiet'&gt;{e2} · {e3} view&lt;/span&gt;&lt;/li&gt;</source>
            <translation>&lt;li&gt;{e}&lt;br&gt;&lt;span class='quiet'&gt;{e2} · vista: {e3}&lt;/span&gt;&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Where its trigger points are&lt;/h3&gt;&lt;p&gt;Trigger points are small, tender spots in a muscle that can send pain elsewhere. They are the X marks on the diagrams.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Dónde están sus puntos gatillo&lt;/h3&gt;&lt;p&gt;Los puntos gatillo son pequeños puntos sensibles de un músculo que pueden enviar dolor a otras zonas. Son las X de los diagramas.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>See a clinician instead if you have:</source>
            <translation>En su lugar, consulte a un profesional sanitario si tiene:</translation>
        </message>
        <message>
            <source>These signs, with this muscle's pain, need a clinician rather than self-care:</source>
            <translation>Estas señales, junto con el dolor de este músculo, requieren un profesional sanitario en lugar del autocuidado:</translation>
        </message>
        <message>
            <source>&lt;p&gt;Our sources give no self-care for this muscle; a physiotherapist can show you what suits you.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Nuestras fuentes no indican autocuidado para este músculo; un fisioterapeuta puede enseñarle lo que le conviene.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;What you can do&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Qué puede hacer&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>Tennis ball</source>
            <translation>Pelota de tenis</translation>
        </message>
        <message>
            <source>Hand pressure</source>
            <translation>Presión con la mano</translation>
        </message>
        <message>
            <source>&lt;h3&gt;No ball for this muscle&lt;/h3&gt;&lt;p&gt;{e}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Sin pelota para este músculo&lt;/h3&gt;&lt;p&gt;{e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>What is safe at home</source>
            <translation>Lo que es seguro hacer en casa</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Stretch: {e}&lt;/b&gt; — {e2}. Steps and picture: see {e3}, above.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Estiramiento: {e}&lt;/b&gt; — {e2}. Pasos e imagen: vea {e3}, más arriba.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Stretch</source>
            <translation>Estiramiento</translation>
        </message>
        <message>
            <source>&lt;p class='quiet'&gt;Our sources give no stretch for this muscle, so hipmap suggests none; a physiotherapist can show you one that suits you.&lt;/p&gt;</source>
            <translation>&lt;p class='quiet'&gt;Nuestras fuentes no indican ningún estiramiento para este músculo, así que hipmap no sugiere ninguno; un fisioterapeuta puede enseñarle uno que le convenga.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Habits that help</source>
            <translation>Hábitos que ayudan</translation>
        </message>
        <message>
            <source>Take care</source>
            <translation>Precauciones</translation>
        </message>
        <message>
            <source>&lt;br&gt;&lt;span class='quiet'&gt;pressure {e} out of 10&lt;/span&gt;</source>
            <translation>&lt;br&gt;&lt;span class='quiet'&gt;presión {e} de 10&lt;/span&gt;</translation>
        </message>
        <message>
            <source>a few seconds</source>
            <translation>unos segundos</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Your routine&lt;/h2&gt;&lt;p&gt;The steps in order, as hipmap's routine player times them. Each step starts with {ready_text} to get into position; the time of each step includes its holds, the rests between them and any change of side. &lt;b&gt;Total time: {seconds}&lt;/b&gt; (minutes:seconds).&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Su rutina&lt;/h2&gt;&lt;p&gt;Los pasos en orden, con los tiempos del reproductor de rutinas de hipmap. Cada paso empieza con {ready_text} para colocarse; el tiempo de cada paso incluye sus mantenimientos, los descansos entre ellos y los cambios de lado. &lt;b&gt;Tiempo total: {seconds}&lt;/b&gt; (minutos:segundos).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Total time (minutes:seconds)</source>
            <translation>Tiempo total (minutos:segundos)</translation>
        </message>
        <message>
            <source>&lt;h2&gt;When to see a doctor&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Cuándo ir al médico&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>See a doctor promptly if you have:</source>
            <translation>Acuda pronto al médico si tiene:</translation>
        </message>
        <message>
            <source>Self-care with a ball and stretches is for muscle pain. These signs need a clinician instead:</source>
            <translation>El autocuidado con pelota y estiramientos es para el dolor muscular. Estos signos requieren, en cambio, un profesional sanitario:</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Warning signs: ask yourself before each session&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Señales de alarma: pregúnteselo antes de cada sesión&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;This is not a diagnosis&lt;/h3&gt;&lt;p&gt;{e} In every case above, leave hipmap's self-care until you have been examined.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Esto no es un diagnóstico&lt;/h3&gt;&lt;p&gt;{e} En todos los casos anteriores, deje el autocuidado de hipmap hasta que le hayan examinado.&lt;/p&gt;</translation>
        </message>
        <message>
            <source> The body diagrams were drawn for hipmap from the proportions in {title}.</source>
            <translation> Los diagramas del cuerpo se dibujaron para hipmap a partir de las proporciones de {title}.</translation>
        </message>
        <message>
            <source>&lt;p class='small quiet'&gt;&lt;b&gt;Sources.&lt;/b&gt; hipmap's text is written in its own words from: {e}.{e2} Made with hipmap {version__}.&lt;/p&gt;</source>
            <translation>&lt;p class='small quiet'&gt;&lt;b&gt;Fuentes.&lt;/b&gt; El texto de hipmap está escrito con sus propias palabras a partir de: {e}.{e2} Hecho con hipmap {version__}.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p class='quiet'&gt;&lt;b&gt;Not a diagnosis.&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p class='quiet'&gt;&lt;b&gt;No es un diagnóstico.&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>page {value} of {count}</source>
            <translation>página {value} de {count}</translation>
        </message>
        <message>
            <source>cannot start painting the handout (the printer or file is not available)</source>
            <translation>no se puede empezar a dibujar la hoja (la impresora o el archivo no están disponibles)</translation>
        </message>
        <message>
            <source>cannot start a new page</source>
            <translation>no se puede empezar una página nueva</translation>
        </message>
        <message>
            <source>hipmap {version__}</source>
            <translation>hipmap {version__}</translation>
        </message>
        <message>
            <source>the PDF could not be produced</source>
            <translation>no se pudo crear el PDF</translation>
        </message>
        <message>
            <source>Print handout</source>
            <translation>Imprimir la hoja informativa</translation>
        </message>
    </context>
    <context>
        <name>history</name>
        <message>
            <source>Everyone</source>
            <translation>Todas las personas</translation>
        </message>
        <message>
            <source>No label</source>
            <translation>Sin etiqueta</translation>
        </message>
        <message numerus="yes">
            <source>stopped after {done} of %n step</source>
            <translation>
                <numerusform>detenida tras {done} de %n paso</numerusform>
                <numerusform>detenida tras {done} de %n pasos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>stopped after {done} of %n steps</source>
            <translation>
                <numerusform>detenida tras {done} de %n paso</numerusform>
                <numerusform>detenida tras {done} de %n pasos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Routine stopped before the end: {done} of %n step done</source>
            <translation>
                <numerusform>Rutina detenida antes del final: {done} de %n paso hecho</numerusform>
                <numerusform>Rutina detenida antes del final: {done} de %n pasos hechos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Routine stopped before the end: {done} of %n steps done</source>
            <translation>
                <numerusform>Rutina detenida antes del final: {done} de %n paso hecho</numerusform>
                <numerusform>Rutina detenida antes del final: {done} de %n pasos hechos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n skipped</source>
            <translation>
                <numerusform>, %n omitido</numerusform>
                <numerusform>, %n omitidos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n skipped or stopped because it hurt</source>
            <translation>
                <numerusform>; %n omitido o detenido porque dolía</numerusform>
                <numerusform>; %n omitidos o detenidos porque dolía</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>done, %n of {total} skipped</source>
            <translation>
                <numerusform>hecha, %n de {total} omitido</numerusform>
                <numerusform>hecha, %n de {total} omitidos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Routine done; %n of {total} step skipped or stopped because it hurt</source>
            <translation>
                <numerusform>Rutina hecha; se omitió o se detuvo por dolor %n de {total} paso</numerusform>
                <numerusform>Rutina hecha; se omitieron o se detuvieron por dolor %n de {total} paso</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Routine done; %n of {total} steps skipped or stopped because it hurt</source>
            <translation>
                <numerusform>Rutina hecha; se omitió o se detuvo por dolor %n de {total} pasos</numerusform>
                <numerusform>Rutina hecha; se omitieron o se detuvieron por dolor %n de {total} pasos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Routine done: its %n step</source>
            <translation>
                <numerusform>Rutina hecha: su %n paso</numerusform>
                <numerusform>Rutina hecha: sus %n pasos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Routine done: all %n steps</source>
            <translation>
                <numerusform>Rutina hecha: su %n paso</numerusform>
                <numerusform>Rutina hecha: los %n pasos</numerusform>
            </translation>
        </message>
        <message>
            <source>A routine was saved, but the record of how it went cannot be read</source>
            <translation>Se guardó una rutina, pero no se puede leer el registro de cómo fue</translation>
        </message>
        <message>
            <source>Read-only: this is a saved session, shown as it was. Nothing here can be changed; “Start a New Map From This” copies its marks into a new, unsaved map.</source>
            <translation>Solo lectura: es una sesión guardada, mostrada tal como era. Aquí no se puede cambiar nada; «Empezar un mapa nuevo a partir de esta» copia sus marcas en un mapa nuevo sin guardar.</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Omitido</translation>
        </message>
        <message>
            <source>Stopped: it hurt</source>
            <translation>Detenido: dolía</translation>
        </message>
        <message>
            <source>Not reached</source>
            <translation>No alcanzado</translation>
        </message>
        <message>
            <source>No routine</source>
            <translation>Sin rutina</translation>
        </message>
        <message>
            <source>done</source>
            <translation>hecha</translation>
        </message>
        <message>
            <source>{minutes} min {secs} s</source>
            <translation>{minutes} min {secs} s</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} min</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Persona</translation>
        </message>
        <message>
            <source>Pain before</source>
            <translation>Dolor antes</translation>
        </message>
        <message>
            <source>Pain after</source>
            <translation>Dolor después</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>Zona</translation>
        </message>
        <message>
            <source>Top muscles</source>
            <translation>Músculos principales</translation>
        </message>
        <message>
            <source>Routine</source>
            <translation>Rutina</translation>
        </message>
        <message>
            <source>When the session was saved (local time)</source>
            <translation>Cuándo se guardó la sesión (hora local)</translation>
        </message>
        <message>
            <source>Whose session it is</source>
            <translation>De quién es la sesión</translation>
        </message>
        <message>
            <source>Pain before, 0 to 10</source>
            <translation>Dolor antes, de 0 a 10</translation>
        </message>
        <message>
            <source>Pain after, 0 to 10</source>
            <translation>Dolor después, de 0 a 10</translation>
        </message>
        <message>
            <source>Share of the body drawing that was marked</source>
            <translation>Parte del dibujo del cuerpo que se marcó</translation>
        </message>
        <message>
            <source>The best-matching muscles that were shown, best first</source>
            <translation>Los músculos con mejor coincidencia que se mostraron, el mejor primero</translation>
        </message>
        <message>
            <source>Whether a routine was done to the end or stopped, and how many steps were done or skipped</source>
            <translation>Si la rutina se hizo hasta el final o se detuvo, y cuántos pasos se hicieron u omitieron</translation>
        </message>
        <message>
            <source>Damaged session: it cannot be shown</source>
            <translation>Sesión dañada: no se puede mostrar</translation>
        </message>
        <message>
            <source>This session is damaged in the database ({problem}); it is left out of the chart.</source>
            <translation>Esta sesión está dañada en la base de datos ({problem}); no se incluye en el gráfico.</translation>
        </message>
        <message>
            <source>not rated</source>
            <translation>sin puntuar</translation>
        </message>
        <message>
            <source>{value} out of 10</source>
            <translation>{value} de 10</translation>
        </message>
        <message>
            <source>{header}: {rating}</source>
            <translation>{header}: {rating}</translation>
        </message>
        <message>
            <source>Session of {when} (read-only) — hipmap</source>
            <translation>Sesión del {when} (solo lectura) — hipmap</translation>
        </message>
        <message>
            <source>Session of {when}, read-only</source>
            <translation>Sesión del {when}, solo lectura</translation>
        </message>
        <message>
            <source>this session's pain map</source>
            <translation>el mapa de dolor de esta sesión</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Solo lectura</translation>
        </message>
        <message>
            <source>Session of {when}</source>
            <translation>Sesión del {when}</translation>
        </message>
        <message>
            <source>Person: &lt;b&gt;{escape}&lt;/b&gt;</source>
            <translation>Persona: &lt;b&gt;{escape}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>No person label</source>
            <translation>Sin etiqueta de persona</translation>
        </message>
        <message>
            <source>Person: {person}</source>
            <translation>Persona: {person}</translation>
        </message>
        <message>
            <source>no label</source>
            <translation>sin etiqueta</translation>
        </message>
        <message>
            <source>Show the {lower} view</source>
            <translation>Mostrar la vista: {lower}</translation>
        </message>
        <message>
            <source>no marks</source>
            <translation>sin marcas</translation>
        </message>
        <message numerus="yes">
            <source>%n mark</source>
            <translation>
                <numerusform>%n marca</numerusform>
                <numerusform>%n marca</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n marks</source>
            <translation>
                <numerusform>%n marcas</numerusform>
                <numerusform>%n marcas</numerusform>
            </translation>
        </message>
        <message>
            <source>{name} view: {marks_word} ({shortcut_text})</source>
            <translation>Vista {name}: {marks_word} ({shortcut_text})</translation>
        </message>
        <message>
            <source>{name} view with the pain marked in this session</source>
            <translation>Vista {name} con el dolor marcado en esta sesión</translation>
        </message>
        <message>
            <source>What was found and done in this session</source>
            <translation>Qué se encontró y qué se hizo en esta sesión</translation>
        </message>
        <message>
            <source>Start a New Map From This</source>
            <translation>Empezar un mapa nuevo a partir de esta</translation>
        </message>
        <message>
            <source>Copy these marks into a new, unsaved pain map ({shortcut_text})</source>
            <translation>Copiar estas marcas en un mapa de dolor nuevo sin guardar ({shortcut_text})</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close this session (Esc)</source>
            <translation>Cerrar esta sesión (Esc)</translation>
        </message>
        <message>
            <source>Area marked</source>
            <translation>Zona marcada</translation>
        </message>
        <message>
            <source>{format_area} of the body drawing</source>
            <translation>{format_area} del dibujo del cuerpo</translation>
        </message>
        <message>
            <source>not measured</source>
            <translation>sin medir</translation>
        </message>
        <message>
            <source>Marks</source>
            <translation>Marcas</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Pain&lt;/h3&gt;&lt;table cellpadding='3' cellspacing='0'&gt;</source>
            <translation>&lt;h3&gt;Dolor&lt;/h3&gt;&lt;table cellpadding='3' cellspacing='0'&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Muscles that were shown&lt;/h3&gt;&lt;table cellpadding='3' cellspacing='0' width='100%'&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th align='left'&gt;Muscle&lt;/th&gt;&lt;th align='left'&gt;Side&lt;/th&gt;&lt;th align='right'&gt;Match&lt;/th&gt;&lt;/tr&gt;</source>
            <translation>&lt;h3&gt;Músculos que se mostraron&lt;/h3&gt;&lt;table cellpadding='3' cellspacing='0' width='100%'&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th align='left'&gt;Músculo&lt;/th&gt;&lt;th align='left'&gt;Lado&lt;/th&gt;&lt;th align='right'&gt;Coincidencia&lt;/th&gt;&lt;/tr&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Muscles that were shown&lt;/h3&gt;&lt;p style='color:{quiet}'&gt;None were saved with this session.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Músculos que se mostraron&lt;/h3&gt;&lt;p style='color:{quiet}'&gt;No se guardó ninguno con esta sesión.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Note on the pain map&lt;/h3&gt;&lt;p&gt;{replace}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Nota sobre el mapa de dolor&lt;/h3&gt;&lt;p&gt;{replace}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>{get} of {get2}</source>
            <translation>{get} de {get2}</translation>
        </message>
        <message>
            <source>Took {duration} (planned {duration2}).</source>
            <translation>Duró {duration} (previsto: {duration2}).</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Routine: {e}&lt;/h3&gt;&lt;table cellpadding='3' cellspacing='0' width='100%'&gt;&lt;tr&gt;&lt;th align='left'&gt;Status&lt;/th&gt;&lt;th align='left'&gt;Step&lt;/th&gt;&lt;th align='left'&gt;Side&lt;/th&gt;&lt;th align='right'&gt;Holds&lt;/th&gt;&lt;/tr&gt;</source>
            <translation>&lt;h3&gt;Rutina: {e}&lt;/h3&gt;&lt;table cellpadding='3' cellspacing='0' width='100%'&gt;&lt;tr&gt;&lt;th align='left'&gt;Estado&lt;/th&gt;&lt;th align='left'&gt;Paso&lt;/th&gt;&lt;th align='left'&gt;Lado&lt;/th&gt;&lt;th align='right'&gt;Mantenimientos&lt;/th&gt;&lt;/tr&gt;</translation>
        </message>
        <message>
            <source>routine</source>
            <translation>rutina</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Routine: {e}&lt;/h3&gt;&lt;p style='color:{quiet}'&gt;Planned, not played.&lt;/p&gt;&lt;ul&gt;{steps}&lt;/ul&gt;</source>
            <translation>&lt;h3&gt;Rutina: {e}&lt;/h3&gt;&lt;p style='color:{quiet}'&gt;Prevista, no reproducida.&lt;/p&gt;&lt;ul&gt;{steps}&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Routine&lt;/h3&gt;&lt;p style='color:{quiet}'&gt;No routine was done in this session.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Rutina&lt;/h3&gt;&lt;p style='color:{quiet}'&gt;En esta sesión no se hizo ninguna rutina.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>History — hipmap</source>
            <translation>Historial — hipmap</translation>
        </message>
        <message>
            <source>History of sessions</source>
            <translation>Historial de sesiones</translation>
        </message>
        <message>
            <source>Show the sessions of one person, of sessions with no label, or of everyone</source>
            <translation>Mostrar las sesiones de una persona, las sesiones sin etiqueta o las de todas las personas</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>&amp;Persona:</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <source>Sessions, newest first</source>
            <translation>Sesiones, las más recientes primero</translation>
        </message>
        <message>
            <source>&amp;Open Read-Only</source>
            <translation>&amp;Abrir en solo lectura</translation>
        </message>
        <message>
            <source>Look at the selected session: its marks, the muscles shown and the routine</source>
            <translation>Ver la sesión seleccionada: sus marcas, los músculos mostrados y la rutina</translation>
        </message>
        <message>
            <source>&amp;Start New Map From This</source>
            <translation>&amp;Empezar un mapa nuevo a partir de esta</translation>
        </message>
        <message>
            <source>Start a new, unsaved pain map with the selected session's marks</source>
            <translation>Empezar un mapa de dolor nuevo, sin guardar, con las marcas de la sesión seleccionada</translation>
        </message>
        <message>
            <source>&amp;Compare Two</source>
            <translation>&amp;Comparar dos</translation>
        </message>
        <message>
            <source>Show the two selected sessions side by side (select two with Ctrl+click)</source>
            <translation>Mostrar una junto a otra las dos sesiones seleccionadas (seleccione dos con Ctrl+clic)</translation>
        </message>
        <message>
            <source>&amp;Delete Session</source>
            <translation>E&amp;liminar la sesión</translation>
        </message>
        <message>
            <source>Delete the selected session from this computer, after asking</source>
            <translation>Eliminar de este ordenador la sesión seleccionada, tras preguntar</translation>
        </message>
        <message>
            <source>Close the history</source>
            <translation>Cerrar el historial</translation>
        </message>
        <message>
            <source>The sessions could not be read</source>
            <translation>No se pudieron leer las sesiones</translation>
        </message>
        <message>
            <source>No sessions yet</source>
            <translation>Todavía no hay sesiones</translation>
        </message>
        <message>
            <source>Each saved session appears here: the pain before and after, and how much of the body drawing was marked.</source>
            <translation>Aquí aparece cada sesión guardada: el dolor antes y después, y cuánto del dibujo del cuerpo se marcó.</translation>
        </message>
        <message>
            <source>sessions with no label</source>
            <translation>sesiones sin etiqueta</translation>
        </message>
        <message>
            <source>No sessions for {who} yet</source>
            <translation>Todavía no hay sesiones de {who}</translation>
        </message>
        <message>
            <source>No sessions without a label</source>
            <translation>No hay sesiones sin etiqueta</translation>
        </message>
        <message>
            <source>Choose another person above, or save a session to start the history.</source>
            <translation>Elija otra persona arriba, o guarde una sesión para empezar el historial.</translation>
        </message>
        <message>
            <source>The sessions of {count} people are shown together. Choose a person to follow one person’s pain over time.</source>
            <translation>Se muestran juntas las sesiones de {count} personas. Elija una persona para seguir su dolor a lo largo del tiempo.</translation>
        </message>
        <message numerus="yes">
            <source>%n damaged session</source>
            <translation>
                <numerusform>%n sesión dañada</numerusform>
                <numerusform>%n sesión dañada</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n damaged sessions</source>
            <translation>
                <numerusform>%n sesiones dañadas</numerusform>
                <numerusform>%n sesiones dañadas</numerusform>
            </translation>
        </message>
        <message>
            <source>No sessions</source>
            <translation>No hay sesiones</translation>
        </message>
        <message>
            <source>{count} session {range}</source>
            <translation>{count} sesión {range}</translation>
        </message>
        <message>
            <source>{count} sessions {range}</source>
            <translation>{count} sesiones {range}</translation>
        </message>
        <message>
            <source>; pain {value} → {value2}</source>
            <translation>; dolor {value} → {value2}</translation>
        </message>
        <message>
            <source>; pain {value}</source>
            <translation>; dolor {value}</translation>
        </message>
        <message>
            <source>&amp;Delete Sessions</source>
            <translation>E&amp;liminar las sesiones</translation>
        </message>
        <message>
            <source>Session not found</source>
            <translation>No se encontró la sesión</translation>
        </message>
        <message>
            <source>That session is no longer in the database.</source>
            <translation>Esa sesión ya no está en la base de datos.</translation>
        </message>
        <message>
            <source>Cannot read the session</source>
            <translation>No se puede leer la sesión</translation>
        </message>
        <message>
            <source>the session of {format_when}</source>
            <translation>la sesión del {format_when}</translation>
        </message>
        <message>
            <source>Cannot compare these sessions</source>
            <translation>No se pueden comparar estas sesiones</translation>
        </message>
        <message>
            <source>Two sessions compared</source>
            <translation>Dos sesiones comparadas</translation>
        </message>
        <message>
            <source>Delete the session of {format_when}{who}?</source>
            <translation>¿Eliminar la sesión del {format_when}{who}?</translation>
        </message>
        <message>
            <source>Delete these {count} sessions?</source>
            <translation>¿Eliminar estas {count} sesiones?</translation>
        </message>
        <message>
            <source>Delete session</source>
            <translation>Eliminar la sesión</translation>
        </message>
        <message>
            <source>{question}

This cannot be undone.</source>
            <translation>{question}

No se puede deshacer.</translation>
        </message>
        <message>
            <source>Cannot delete</source>
            <translation>No se puede eliminar</translation>
        </message>
    </context>
    <context>
        <name>i18n</name>
        <message>
            <source> or </source>
            <translation> o </translation>
        </message>
        <message>
            <source>left</source>
            <translation>izquierdo</translation>
        </message>
        <message>
            <source>right</source>
            <translation>derecho</translation>
        </message>
        <message>
            <source>both</source>
            <translation>ambos</translation>
        </message>
        <message>
            <source>aching</source>
            <translation>dolor sordo</translation>
        </message>
        <message>
            <source>burning</source>
            <translation>ardor</translation>
        </message>
        <message>
            <source>tingling</source>
            <translation>hormigueo</translation>
        </message>
        <message>
            <source>numbness</source>
            <translation>entumecimiento</translation>
        </message>
        <message>
            <source>{side} {region}</source>
            <translation>{region} ({side})</translation>
        </message>
        <message>
            <source>Both sides</source>
            <translation>Ambos lados</translation>
        </message>
        <message>
            <source>{side} side</source>
            <translation>lado {side}</translation>
        </message>
        <message>
            <source>Tennis ball: {name}</source>
            <translation>Pelota de tenis: {name}</translation>
        </message>
        <message>
            <source>Hand pressure: {name}</source>
            <translation>Presión con la mano: {name}</translation>
        </message>
        <message>
            <source>{day} {month} {year}</source>
            <translation>{day} de {month} de {year}</translation>
        </message>
    </context>
    <context>
        <name>matching</name>
        <message>
            <source>Mark where it hurts to see which muscles may be involved.</source>
            <translation>Marque dónde le duele para ver qué músculos pueden estar implicados.</translation>
        </message>
        <message>
            <source>Its main referral zone covers {percent} of the pain you marked.</source>
            <translation>Su zona principal de dolor referido cubre el {percent} del dolor que usted marcó.</translation>
        </message>
        <message>
            <source>Its main referral zone covers {percent} of the pain you marked: {where}.</source>
            <translation>Su zona principal de dolor referido cubre el {percent} del dolor que usted marcó: {where}.</translation>
        </message>
        <message>
            <source>Its wider (spillover) zone covers {percent}.</source>
            <translation>Su zona más amplia (de extensión) cubre el {percent}.</translation>
        </message>
        <message>
            <source>Its wider (spillover) zone covers {percent}: {where}.</source>
            <translation>Su zona más amplia (de extensión) cubre el {percent}: {where}.</translation>
        </message>
        <message>
            <source>Its wider (spillover) zone covers another {percent}.</source>
            <translation>Su zona más amplia (de extensión) cubre otro {percent}.</translation>
        </message>
        <message>
            <source>Its wider (spillover) zone covers another {percent}: {where}.</source>
            <translation>Su zona más amplia (de extensión) cubre otro {percent}: {where}.</translation>
        </message>
        <message>
            <source>Only its spillover zone reaches your pain, so it is a weaker match.</source>
            <translation>Solo su zona de extensión llega a su dolor, así que la coincidencia es más débil.</translation>
        </message>
        <message>
            <source>You marked {percent} of its main zone.</source>
            <translation>Usted marcó el {percent} de su zona principal.</translation>
        </message>
        <message>
            <source>Its usual pattern also reaches {where}, which you did not mark.</source>
            <translation>Su patrón habitual también llega a: {where}, que usted no marcó.</translation>
        </message>
        <message>
            <source>Some of your pain lies over one of its trigger points.</source>
            <translation>Parte de su dolor está sobre uno de sus puntos gatillo.</translation>
        </message>
        <message>
            <source>None of your pain is in its referral pattern, but some lies over one of its trigger points.</source>
            <translation>Nada de su dolor está en su patrón de dolor referido, pero parte está sobre uno de sus puntos gatillo.</translation>
        </message>
        <message>
            <source>Its pain is usually felt in {where}.</source>
            <translation>Su dolor suele notarse en {where}.</translation>
        </message>
        <message>
            <source>None of the muscles in hipmap refer pain to exactly this pattern.</source>
            <translation>Ninguno de los músculos de hipmap envía dolor exactamente con este patrón.</translation>
        </message>
        <message>
            <source>This muscle explains {percent} of your marked pain: {names}.</source>
            <translation>Este músculo explica el {percent} del dolor que marcó: {names}.</translation>
        </message>
        <message>
            <source>These {n} muscles together explain {percent} of your marked pain: {names}.</source>
            <translation>Estos {n} músculos, juntos, explican el {percent} del dolor que marcó: {names}.</translation>
        </message>
        <message>
            <source>{name}, {side} side</source>
            <translation>{name}, lado {side}</translation>
        </message>
        <message>
            <source>{name}, both sides</source>
            <translation>{name}, ambos lados</translation>
        </message>
        <message>
            <source> Not explained: {regions}.</source>
            <translation> Sin explicar: {regions}.</translation>
        </message>
        <message>
            <source>{side} {region}</source>
            <translation>{region} ({side})</translation>
        </message>
        <message>
            <source>{value}%</source>
            <translation>{value} %</translation>
        </message>
        <message>
            <source> and </source>
            <translation> y </translation>
        </message>
    </context>
    <context>
        <name>musclepanel</name>
        <message>
            <source>Select a muscle in the list, or find any muscle with View &gt; Muscles (F3), to see where its trigger points are and what it does.</source>
            <translation>Seleccione un músculo de la lista, o busque cualquier músculo con Ver &gt; Músculos (F3), para ver dónde están sus puntos gatillo y qué hace.</translation>
        </message>
        <message>
            <source>See a clinician instead if you have:</source>
            <translation>En su lugar, consulte a un profesional sanitario si tiene:</translation>
        </message>
        <message>
            <source>With this muscle's pain, see a clinician instead if you have:</source>
            <translation>Con el dolor de este músculo, consulte en su lugar a un profesional sanitario si tiene:</translation>
        </message>
        <message>
            <source>deep in the muscle</source>
            <translation>en la profundidad del músculo</translation>
        </message>
        <message>
            <source>close to the surface</source>
            <translation>cerca de la superficie</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Where:&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Dónde:&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;It should feel:&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Qué debe sentir:&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Avoid:&lt;/b&gt; {e}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Evite:&lt;/b&gt; {e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Take care:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Precauciones:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;What you can do&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Qué puede hacer&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>Pressure {pressure} out of 10 · hold {hold} s · {reps} times</source>
            <translation>Presión {pressure} de 10 · mantener {hold} s · {reps} veces</translation>
        </message>
        <message>
            <source> · each side</source>
            <translation> · cada lado</translation>
        </message>
        <message>
            <source>&lt;h3&gt;No ball for this muscle&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Sin pelota para este músculo&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;What is safe at home:&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Lo que es seguro hacer en casa:&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p style='color:{quiet}'&gt;hipmap has no timed routine for this muscle: there is neither a ball hold nor a stretch to play.&lt;/p&gt;</source>
            <translation>&lt;p style='color:{quiet}'&gt;hipmap no tiene una rutina cronometrada para este músculo: no hay ni presión con pelota ni estiramiento que reproducir.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Stretches&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Estiramientos&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>Hold {hold} s · {reps} times</source>
            <translation>Mantener {hold} s · {reps} veces</translation>
        </message>
        <message>
            <source>&lt;p style='color:{quiet}'&gt;Our sources give no stretch for this muscle, so hipmap suggests none; a physiotherapist can show you one that suits you.&lt;/p&gt;</source>
            <translation>&lt;p style='color:{quiet}'&gt;Nuestras fuentes no indican ningún estiramiento para este músculo, así que hipmap no sugiere ninguno; un fisioterapeuta puede enseñarle uno que le convenga.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Habits that help&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Hábitos que ayudan&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Take care&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Precauciones&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>listed for a trigger point only</source>
            <translation>incluido solo por un punto gatillo</translation>
        </message>
        <message>
            <source>match {round}%</source>
            <translation>coincidencia {round} %</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Why it is suggested&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Por qué se sugiere&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;About this muscle&lt;/h3&gt;&lt;p&gt;{e}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Sobre este músculo&lt;/h3&gt;&lt;p&gt;{e}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Where its trigger points are&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Dónde están sus puntos gatillo&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Trigger points are small, tender spots in a muscle that can send pain elsewhere. On the diagrams they are shown as &lt;b&gt;X&lt;/b&gt; marks.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Los puntos gatillo son pequeños puntos sensibles de un músculo que pueden enviar dolor a otras zonas. En los diagramas aparecen como &lt;b&gt;X&lt;/b&gt;.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>{capitalize} · {view} view</source>
            <translation>{capitalize} · vista: {view}</translation>
        </message>
        <message>
            <source> &amp;nbsp;&lt;a href='{POINT_SCHEME}:{i}' style='color:{accent}'&gt;Show on diagram&lt;/a&gt;</source>
            <translation> &amp;nbsp;&lt;a href='{POINT_SCHEME}:{i}' style='color:{accent}'&gt;Ver en el diagrama&lt;/a&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;How its pain feels&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Cómo se siente su dolor&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;What can set it off&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Qué puede desencadenarlo&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>Use Help &gt; Check for Warning Signs before self-care.</source>
            <translation>Use Ayuda &gt; Comprobar las señales de alarma antes del autocuidado.</translation>
        </message>
        <message>
            <source>&lt;p class='sources' style='color:{quiet}'&gt;&lt;small&gt;Sources: {e}.&lt;/small&gt;&lt;/p&gt;</source>
            <translation>&lt;p class='sources' style='color:{quiet}'&gt;&lt;small&gt;Fuentes: {e}.&lt;/small&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Muscle details</source>
            <translation>Detalles del músculo</translation>
        </message>
    </context>
    <context>
        <name>picture</name>
        <message>
            <source>Picture of {name} on the {view} view, lying deep under {over} (dashed outline).</source>
            <translation>Imagen de {name} (vista: {view}), en profundidad debajo de {over} (contorno discontinuo).</translation>
        </message>
        <message>
            <source>Picture of {name} on the {view} view.</source>
            <translation>Imagen de {name} (vista: {view}).</translation>
        </message>
        <message>
            <source>The ball (yellow circle) sits on the trigger point to press.</source>
            <translation>La pelota (círculo amarillo) está sobre el punto gatillo que hay que presionar.</translation>
        </message>
        <message>
            <source>No ball is shown: a ball cannot reach this muscle.</source>
            <translation>No se muestra pelota: una pelota no llega a este músculo.</translation>
        </message>
    </context>
    <context>
        <name>player</name>
        <message>
            <source>Get ready</source>
            <translation>Prepárese</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Mantener</translation>
        </message>
        <message>
            <source>Rest</source>
            <translation>Descanso</translation>
        </message>
        <message>
            <source>Switch sides</source>
            <translation>Cambie de lado</translation>
        </message>
        <message>
            <source>Spoken cues are not available on this computer.</source>
            <translation>Las indicaciones habladas no están disponibles en este ordenador.</translation>
        </message>
        <message>
            <source>Sounds are not available on this computer.</source>
            <translation>Los sonidos no están disponibles en este ordenador.</translation>
        </message>
        <message>
            <source>{title} — {side} side</source>
            <translation>{title} — lado {side}</translation>
        </message>
        <message>
            <source>Switch to your {side} side</source>
            <translation>Cambie a su lado {side}</translation>
        </message>
        <message>
            <source>Get ready: {title}</source>
            <translation>Prepárese: {title}</translation>
        </message>
        <message>
            <source>Time left in this phase</source>
            <translation>Tiempo que queda en esta fase</translation>
        </message>
        <message>
            <source>{seconds_text} seconds left. {caption}</source>
            <translation>Quedan {seconds_text} segundos. {caption}</translation>
        </message>
        <message>
            <source>Picture of the exercise</source>
            <translation>Imagen del ejercicio</translation>
        </message>
        <message>
            <source>Routine progress</source>
            <translation>Progreso de la rutina</translation>
        </message>
        <message>
            <source>{round}% done</source>
            <translation>{round} % hecho</translation>
        </message>
        <message>
            <source>{name} — hipmap</source>
            <translation>{name} — hipmap</translation>
        </message>
        <message>
            <source>Routine</source>
            <translation>Rutina</translation>
        </message>
        <message>
            <source>Routine player</source>
            <translation>Reproductor de rutinas</translation>
        </message>
        <message>
            <source>Routine name</source>
            <translation>Nombre de la rutina</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>Fase</translation>
        </message>
        <message>
            <source>Exercise</source>
            <translation>Ejercicio</translation>
        </message>
        <message>
            <source>Cue</source>
            <translation>Indicación</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>Start, pause or resume</source>
            <translation>Iniciar, pausar o reanudar</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Restart this phase, or go to the previous one</source>
            <translation>Reiniciar esta fase o volver a la anterior</translation>
        </message>
        <message>
            <source>Next phase</source>
            <translation>Fase siguiente</translation>
        </message>
        <message>
            <source>End this phase now and go on to the next one (the next hold, rest or step)</source>
            <translation>Terminar esta fase ahora y pasar a la siguiente (el próximo mantenimiento, pausa o paso)</translation>
        </message>
        <message>
            <source>Skip step</source>
            <translation>Saltar paso</translation>
        </message>
        <message>
            <source>Skip the rest of this step, all its holds, and go on to the next step</source>
            <translation>Saltar lo que queda de este paso, todos sus mantenimientos, y pasar al siguiente paso</translation>
        </message>
        <message>
            <source>Skip — it hurts</source>
            <translation>Saltar — duele</translation>
        </message>
        <message>
            <source>Stop this exercise now and note that it hurt</source>
            <translation>Parar este ejercicio ahora y anotar que dolía</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Parar</translation>
        </message>
        <message>
            <source>End the routine</source>
            <translation>Terminar la rutina</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close the routine player</source>
            <translation>Cerrar el reproductor de la rutina</translation>
        </message>
        <message>
            <source>Mark your pain again</source>
            <translation>Marcar el dolor de nuevo</translation>
        </message>
        <message>
            <source>Go back to the pain map and mark your pain as it feels now; the marks from before are kept to compare</source>
            <translation>Volver al mapa del dolor y marcar el dolor como lo siente ahora; las marcas de antes se conservan para comparar</translation>
        </message>
        <message>
            <source>Compare before and after</source>
            <translation>Comparar antes y después</translation>
        </message>
        <message>
            <source>Your pain before the routine beside your pain as you marked it again</source>
            <translation>Su dolor antes de la rutina junto al dolor que ha marcado de nuevo</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Pantalla completa</translation>
        </message>
        <message>
            <source>Fill the screen, or go back to a window</source>
            <translation>Ocupar toda la pantalla o volver a una ventana</translation>
        </message>
        <message>
            <source>Sounds</source>
            <translation>Sonidos</translation>
        </message>
        <message>
            <source>Beep at each change and for the last 3 seconds</source>
            <translation>Pitar en cada cambio y en los 3 últimos segundos</translation>
        </message>
        <message>
            <source>Spoken cues</source>
            <translation>Indicaciones habladas</translation>
        </message>
        <message>
            <source>Say each change out loud (“Hold”, “Rest”, “Switch to your left side”)</source>
            <translation>Decir en voz alta cada cambio («Mantenga», «Descanse», «Cambie a su lado izquierdo»)</translation>
        </message>
        <message>
            <source>Louder</source>
            <translation>Más alto</translation>
        </message>
        <message>
            <source>Turn the sounds and voice up</source>
            <translation>Subir el volumen de los sonidos y la voz</translation>
        </message>
        <message>
            <source>Quieter</source>
            <translation>Más bajo</translation>
        </message>
        <message>
            <source>Turn the sounds and voice down</source>
            <translation>Bajar el volumen de los sonidos y la voz</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Volumen</translation>
        </message>
        <message>
            <source>Volume of the sounds and the voice (Up / Down)</source>
            <translation>Volumen de los sonidos y la voz (Arriba / Abajo)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Iniciar</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>Well done. Routine complete.</source>
            <translation>Muy bien. Rutina completada.</translation>
        </message>
        <message>
            <source>PAUSED</source>
            <translation>EN PAUSA</translation>
        </message>
        <message>
            <source>seconds</source>
            <translation>segundos</translation>
        </message>
        <message>
            <source>{phase} (paused)</source>
            <translation>{phase} (en pausa)</translation>
        </message>
        <message>
            <source>Step {value} of {steps} · {clock_text} left</source>
            <translation>Paso {value} de {steps} · quedan {clock_text}</translation>
        </message>
        <message>
            <source>Space to start</source>
            <translation>Espacio para empezar</translation>
        </message>
        <message>
            <source>Ready when you are</source>
            <translation>Cuando usted quiera</translation>
        </message>
        <message>
            <source>This routine has no steps.</source>
            <translation>Esta rutina no tiene pasos.</translation>
        </message>
        <message numerus="yes">
            <source>%n step, about {clock_text} in all</source>
            <translation>
                <numerusform>%n paso, unos {clock_text} en total</numerusform>
                <numerusform>%n pasos, unos {clock_text} en total</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n steps, about {clock_text} in all</source>
            <translation>
                <numerusform>%n paso, unos {clock_text} en total</numerusform>
                <numerusform>%n pasos, unos {clock_text} en total</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n step</source>
            <translation>
                <numerusform>%n paso</numerusform>
                <numerusform>%n pasos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n steps</source>
            <translation>
                <numerusform>%n paso</numerusform>
                <numerusform>%n pasos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hold in {clock_text}</source>
            <translation>
                <numerusform>%n mantenimiento en {clock_text}</numerusform>
                <numerusform>%n mantenimientos en {clock_text}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n holds in {clock_text}</source>
            <translation>
                <numerusform>%n mantenimiento en {clock_text}</numerusform>
                <numerusform>%n mantenimientos en {clock_text}</numerusform>
            </translation>
        </message>
        <message>
            <source>Press Space or Start to begin.</source>
            <translation>Pulse Espacio o Iniciar para empezar.</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Terminada</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Detenida</translation>
        </message>
        <message>
            <source>Well done: {name}</source>
            <translation>Muy bien: {name}</translation>
        </message>
        <message>
            <source>{seconds_text} seconds left</source>
            <translation>Quedan {seconds_text} segundos</translation>
        </message>
        <message>
            <source>Repetition {rep} of {reps}</source>
            <translation>Repetición {rep} de {reps}</translation>
        </message>
        <message>
            <source>Keep a steady, bearable pressure.</source>
            <translation>Mantenga una presión constante y soportable.</translation>
        </message>
        <message>
            <source>Ease off the ball and breathe.</source>
            <translation>Afloje la presión sobre la pelota y respire.</translation>
        </message>
        <message>
            <source>Settle onto the ball and breathe slowly.</source>
            <translation>Apóyese sobre la pelota y respire despacio.</translation>
        </message>
        <message>
            <source>Find the spot with your fingertips and breathe slowly.</source>
            <translation>Busque el punto con la yema de los dedos y respire despacio.</translation>
        </message>
        <message>
            <source>Lift your fingers off and breathe.</source>
            <translation>Retire los dedos y respire.</translation>
        </message>
        <message>
            <source>Get into position and breathe slowly.</source>
            <translation>Colóquese en posición y respire despacio.</translation>
        </message>
        <message>
            <source>Ease out of the stretch and breathe.</source>
            <translation>Salga del estiramiento con suavidad y respire.</translation>
        </message>
        <message>
            <source>Next: finished</source>
            <translation>Siguiente: fin</translation>
        </message>
        <message>
            <source>Next: {cue}</source>
            <translation>Siguiente: {cue}</translation>
        </message>
        <message>
            <source>Next: {step_line}</source>
            <translation>Siguiente: {step_line}</translation>
        </message>
        <message>
            <source>Next: {phase_name} {seconds} s</source>
            <translation>Siguiente: {phase_name} {seconds} s</translation>
        </message>
        <message>
            <source>no speech engine</source>
            <translation>no hay motor de voz</translation>
        </message>
    </context>
    <context>
        <name>present</name>
        <message>
            <source>Outline</source>
            <translation>Contorno</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regiones</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Zonas</translation>
        </message>
        <message>
            <source>Trigger points</source>
            <translation>Puntos gatillo</translation>
        </message>
        <message>
            <source>Pain marks</source>
            <translation>Marcas de dolor</translation>
        </message>
        <message>
            <source>Pain you marked (with its rating)</source>
            <translation>Dolor que usted marcó (con su puntuación)</translation>
        </message>
        <message>
            <source>Trigger point</source>
            <translation>Punto gatillo</translation>
        </message>
        <message>
            <source>Where its pain is usually felt</source>
            <translation>Donde suele notarse su dolor</translation>
        </message>
        <message>
            <source>Where its pain can also spread</source>
            <translation>Adonde su dolor también puede extenderse</translation>
        </message>
        <message>
            <source>Possibilities to explore, not a diagnosis</source>
            <translation>Posibilidades que explorar, no un diagnóstico</translation>
        </message>
        <message>
            <source>No muscles to present yet</source>
            <translation>Todavía no hay músculos que presentar</translation>
        </message>
        <message>
            <source>Mark where it hurts in the main window, and hipmap will rank the muscles that may explain it.&lt;br&gt;Then start the presentation again.</source>
            <translation>Marque dónde le duele en la ventana principal y hipmap ordenará los músculos que pueden explicarlo.&lt;br&gt;Luego vuelva a iniciar la presentación.</translation>
        </message>
        <message>
            <source>Press Esc to go back.</source>
            <translation>Pulse Esc para volver.</translation>
        </message>
        <message>
            <source>hipmap — presentation</source>
            <translation>hipmap — presentación</translation>
        </message>
        <message>
            <source>Presentation</source>
            <translation>Presentación</translation>
        </message>
        <message>
            <source>Muscle</source>
            <translation>Músculo</translation>
        </message>
        <message>
            <source>Where the muscle lies (dashed: deep, under the outlined muscles)</source>
            <translation>Dónde está el músculo (discontinuo: profundo, debajo de los músculos perfilados)</translation>
        </message>
        <message>
            <source>PgDn next  ·  PgUp back  ·  1–6 layers  ·  S spotlight  ·  F1 keys  ·  Esc exit</source>
            <translation>AvPág siguiente  ·  RePág atrás  ·  1–6 capas  ·  S foco  ·  F1 teclas  ·  Esc salir</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>Lado</translation>
        </message>
        <message>
            <source>About this muscle</source>
            <translation>Sobre este músculo</translation>
        </message>
        <message>
            <source>Key to the symbols</source>
            <translation>Significado de los símbolos</translation>
        </message>
        <message>
            <source>Nothing to present</source>
            <translation>Nada que presentar</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source>Muscle number</source>
            <translation>Número del músculo</translation>
        </message>
        <message>
            <source>Layer change</source>
            <translation>Cambio de capa</translation>
        </message>
        <message>
            <source>Keyboard keys</source>
            <translation>Teclas del teclado</translation>
        </message>
        <message>
            <source>Blank screen</source>
            <translation>Pantalla en negro</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <source>Show the trigger points, then the referral pattern, then the next muscle</source>
            <translation>Mostrar los puntos gatillo, luego el patrón de dolor referido y luego el músculo siguiente</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Step back</source>
            <translation>Retroceder</translation>
        </message>
        <message>
            <source>First muscle</source>
            <translation>Primer músculo</translation>
        </message>
        <message>
            <source>Go to the first muscle</source>
            <translation>Ir al primer músculo</translation>
        </message>
        <message>
            <source>Last muscle</source>
            <translation>Último músculo</translation>
        </message>
        <message>
            <source>Go to the last muscle</source>
            <translation>Ir al último músculo</translation>
        </message>
        <message>
            <source>Show or hide the {lower}</source>
            <translation>Mostrar u ocultar: {lower}</translation>
        </message>
        <message>
            <source>Spotlight</source>
            <translation>Foco</translation>
        </message>
        <message>
            <source>Dim the screen except around the pointer</source>
            <translation>Oscurecer la pantalla salvo alrededor del puntero</translation>
        </message>
        <message>
            <source>Black out the screen, and back</source>
            <translation>Poner la pantalla en negro, y volver</translation>
        </message>
        <message>
            <source>List every key</source>
            <translation>Ver todas las teclas</translation>
        </message>
        <message>
            <source>Exit presentation</source>
            <translation>Salir de la presentación</translation>
        </message>
        <message>
            <source>Return to the main window</source>
            <translation>Volver a la ventana principal</translation>
        </message>
        <message>
            <source>That was the last muscle  ·  Esc returns</source>
            <translation>Era el último músculo  ·  Esc vuelve</translation>
        </message>
        <message>
            <source>Esc exit</source>
            <translation>Esc salir</translation>
        </message>
        <message>
            <source>{layer} on</source>
            <translation>{layer}: sí</translation>
        </message>
        <message>
            <source>{layer} off</source>
            <translation>{layer}: no</translation>
        </message>
        <message>
            <source>Spotlight {value}</source>
            <translation>Foco {value}</translation>
        </message>
        <message>
            <source>(on)</source>
            <translation>(activado)</translation>
        </message>
        <message>
            <source>(off)</source>
            <translation>(desactivado)</translation>
        </message>
        <message>
            <source>&lt;p style='font-size:large'&gt;&lt;b&gt;Presentation keys&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing='4'&gt;</source>
            <translation>&lt;p style='font-size:large'&gt;&lt;b&gt;Teclas de la presentación&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing='4'&gt;</translation>
        </message>
    </context>
    <context>
        <name>progress</name>
        <message>
            <source>Area marked (share of the body drawing)</source>
            <translation>Zona marcada (parte del dibujo del cuerpo)</translation>
        </message>
        <message>
            <source>Strongest pain</source>
            <translation>Dolor más fuerte</translation>
        </message>
        <message>
            <source>Average pain over the marked area</source>
            <translation>Dolor medio en la zona marcada</translation>
        </message>
        <message>
            <source>Marks</source>
            <translation>Marcas</translation>
        </message>
        <message>
            <source>about the same</source>
            <translation>más o menos igual</translation>
        </message>
        <message>
            <source>{value} percentage points less</source>
            <translation>{value} puntos porcentuales menos</translation>
        </message>
        <message>
            <source>{value} percentage points more</source>
            <translation>{value} puntos porcentuales más</translation>
        </message>
        <message>
            <source>nothing to compare</source>
            <translation>nada que comparar</translation>
        </message>
        <message>
            <source>no pain marked now</source>
            <translation>ahora no hay dolor marcado</translation>
        </message>
        <message>
            <source>the same</source>
            <translation>igual</translation>
        </message>
        <message>
            <source>{value} lower</source>
            <translation>{value} menos</translation>
        </message>
        <message>
            <source>{value} higher</source>
            <translation>{value} más</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
    </context>
    <context>
        <name>regions</name>
        <message>
            <source>All views</source>
            <translation>Todas las vistas</translation>
        </message>
        <message>
            <source>Mark a region — hipmap</source>
            <translation>Marcar una región — hipmap</translation>
        </message>
        <message>
            <source>Mark a region</source>
            <translation>Marcar una región</translation>
        </message>
        <message>
            <source>Find a region</source>
            <translation>Buscar una región</translation>
        </message>
        <message>
            <source>Type part of a name, e.g. outer thigh</source>
            <translation>Escriba parte de un nombre, p. ej., muslo</translation>
        </message>
        <message>
            <source>Show the regions of</source>
            <translation>Mostrar las regiones de</translation>
        </message>
        <message>
            <source>{title} view</source>
            <translation>Vista: {title}</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regiones</translation>
        </message>
        <message>
            <source>Choose a region with the arrow keys; Enter marks it.</source>
            <translation>Elija una región con las flechas; Intro la marca.</translation>
        </message>
        <message>
            <source>Pain rating, 0 to 10</source>
            <translation>Puntuación del dolor, de 0 a 10</translation>
        </message>
        <message>
            <source>Search result</source>
            <translation>Resultado de la búsqueda</translation>
        </message>
        <message>
            <source>Last marked</source>
            <translation>Última marcada</translation>
        </message>
        <message>
            <source>&amp;Mark</source>
            <translation>&amp;Marcar</translation>
        </message>
        <message>
            <source>Mark the chosen region on every view that shows it (Enter)</source>
            <translation>Marcar la región elegida en todas las vistas que la muestran (Intro)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Cerrar (Esc)</translation>
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>&amp;Views:</source>
            <translation>&amp;Vistas:</translation>
        </message>
        <message>
            <source>Pain &amp;rating:</source>
            <translation>&amp;Puntuación del dolor:</translation>
        </message>
        <message>
            <source>Feels:</source>
            <translation>Se siente:</translation>
        </message>
        <message>
            <source>No region matches “{query}”.</source>
            <translation>Ninguna región coincide con «{query}».</translation>
        </message>
        <message>
            <source>Marked: {text}, pain {value}, {qualities}.</source>
            <translation>Marcado: {text}, dolor {value}, {qualities}.</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Marked: {text}, pain {value}.</source>
            <translation>Marcado: {text}, dolor {value}.</translation>
        </message>
    </context>
    <context>
        <name>routine</name>
        <message>
            <source>New routine</source>
            <translation>Rutina nueva</translation>
        </message>
        <message>
            <source>{first} and {second}</source>
            <translation>{first} y {second}</translation>
        </message>
        <message>
            <source>{first} and {count} more</source>
            <translation>{first} y {count} más</translation>
        </message>
        <message>
            <source>{side} side</source>
            <translation>lado {side}</translation>
        </message>
        <message>
            <source>both sides</source>
            <translation>ambos lados</translation>
        </message>
        <message>
            <source>{who}, {where}</source>
            <translation>{who}, {where}</translation>
        </message>
    </context>
    <context>
        <name>screening</name>
        <message>
            <source>&lt;h3&gt;No warning signs&lt;/h3&gt;&lt;p&gt;You answered no to every question. If anything changes, run this check again.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Ninguna señal de alarma&lt;/h3&gt;&lt;p&gt;Ha respondido no a todas las preguntas. Si algo cambia, repita esta comprobación.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Some questions are unanswered&lt;/h3&gt;&lt;p&gt;Please answer every question.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Hay preguntas sin responder&lt;/h3&gt;&lt;p&gt;Responda por favor a todas las preguntas.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Check for warning signs</source>
            <translation>Comprobar las señales de alarma</translation>
        </message>
        <message>
            <source>Before self-care, please answer these questions. A yes does not mean something is wrong, but it means a doctor should check you first.</source>
            <translation>Antes del autocuidado, responda por favor a estas preguntas. Un sí no significa que algo vaya mal, pero sí que un médico debería revisarle primero.</translation>
        </message>
        <message>
            <source>Keyboard: press Y for yes or N for no, and the next question comes up; Left and Right change an answer, Tab and Up and Down move between questions, Enter closes.</source>
            <translation>Teclado: pulse S para sí o N para no y pasará a la siguiente pregunta; Izquierda y Derecha cambian una respuesta, Tab, Arriba y Abajo se mueven entre preguntas, Intro cierra.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>{answer}: {question}</source>
            <translation>{answer}: {question}</translation>
        </message>
        <message>
            <source>Y: yes, N: no (then the next question); Left and Right: change the answer</source>
            <translation>S: sí, N: no (y a la siguiente pregunta); Izquierda y Derecha: cambiar la respuesta</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Preguntas</translation>
        </message>
        <message>
            <source>Advice</source>
            <translation>Consejo</translation>
        </message>
        <message>
            <source>No warning signs: close the check and go on ({what}). Enter</source>
            <translation>Sin señales de alarma: cerrar la comprobación y continuar ({what}). Intro</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close the check; your answers are kept (Enter or Esc)</source>
            <translation>Cerrar la comprobación; sus respuestas se guardan (Intro o Esc)</translation>
        </message>
        <message>
            <source>y</source>
            <comment>the key that answers yes (the first letter of Yes)</comment>
            <translation>s</translation>
        </message>
        <message>
            <source>n</source>
            <comment>the key that answers no (the first letter of No)</comment>
            <translation>n</translation>
        </message>
        <message>
            <source>Answered {text}</source>
            <translation>Respondido {text}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{escape}.&lt;/b&gt; {escape2} &lt;a href='screen'&gt;Check for warning signs…&lt;/a&gt;</source>
            <translation>&lt;b&gt;{escape}.&lt;/b&gt; {escape2} &lt;a href='screen'&gt;Comprobar las señales de alarma…&lt;/a&gt;</translation>
        </message>
    </context>
    <context>
        <name>sessions</name>
        <message>
            <source>Session history cannot be opened</source>
            <translation>No se puede abrir el historial de sesiones</translation>
        </message>
        <message>
            <source>{exc}

Start a fresh, empty history beside it? The old file is kept exactly as it is.</source>
            <translation>{exc}

¿Desea empezar un historial nuevo y vacío al lado? El archivo antiguo se conserva exactamente como está.</translation>
        </message>
        <message>
            <source>Session history unavailable</source>
            <translation>Historial de sesiones no disponible</translation>
        </message>
        <message>
            <source>{exc}

hipmap works without it; sessions cannot be saved this time.</source>
            <translation>{exc}

hipmap funciona sin él; esta vez no se podrán guardar las sesiones.</translation>
        </message>
        <message>
            <source>Save session to history — hipmap</source>
            <translation>Guardar la sesión en el historial — hipmap</translation>
        </message>
        <message>
            <source>Save session to history</source>
            <translation>Guardar la sesión en el historial</translation>
        </message>
        <message>
            <source>Person label</source>
            <translation>Etiqueta de la persona</translation>
        </message>
        <message>
            <source>A first name or initials to keep several people apart; leave empty if it is just you</source>
            <translation>Un nombre o unas iniciales para distinguir a varias personas; déjelo vacío si solo es usted</translation>
        </message>
        <message>
            <source>optional, e.g. initials</source>
            <translation>opcional, p. ej., iniciales</translation>
        </message>
        <message>
            <source>Pain before</source>
            <translation>Dolor antes</translation>
        </message>
        <message>
            <source>Pain after</source>
            <translation>Dolor después</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>&amp;Persona:</translation>
        </message>
        <message>
            <source>Pain &amp;before (0-10):</source>
            <translation>Dolor &amp;antes (0-10):</translation>
        </message>
        <message>
            <source>Pain &amp;after (0-10):</source>
            <translation>Dolor &amp;después (0-10):</translation>
        </message>
        <message>
            <source>What will be saved</source>
            <translation>Qué se guardará</translation>
        </message>
        <message>
            <source>Saved only on this computer, in hipmap's own folder. No name is needed.</source>
            <translation>Se guarda solo en este ordenador, en la carpeta propia de hipmap. No hace falta ningún nombre.</translation>
        </message>
        <message>
            <source>not rated</source>
            <translation>sin puntuar</translation>
        </message>
        <message numerus="yes">
            <source>Pain map: %n mark, {area:.1f}% of the body drawing</source>
            <translation>
                <numerusform>Mapa de dolor: %n marca, {area:.1f} % del dibujo del cuerpo</numerusform>
                <numerusform>Mapa de dolor: %n marca, {area:.1f} % del dibujo del cuerpo</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pain map: %n marks, {area:.1f}% of the body drawing</source>
            <translation>
                <numerusform>Mapa de dolor: %n marcas, {area:.1f} % del dibujo del cuerpo</numerusform>
                <numerusform>Mapa de dolor: %n marcas, {area:.1f} % del dibujo del cuerpo</numerusform>
            </translation>
        </message>
        <message>
            <source>Muscles shown: </source>
            <translation>Músculos mostrados: </translation>
        </message>
        <message>
            <source> and more</source>
            <translation> y más</translation>
        </message>
        <message>
            <source>Routine: {routine_name}</source>
            <translation>Rutina: {routine_name}</translation>
        </message>
        <message>
            <source>Session not saved</source>
            <translation>La sesión no se ha guardado</translation>
        </message>
    </context>
    <context>
        <name>slidediagram</name>
        <message>
            <source>{title} view of the body</source>
            <translation>Vista del cuerpo: {title}</translation>
        </message>
        <message>
            <source>{upper} SIDE</source>
            <translation>LADO {upper}</translation>
        </message>
        <message>
            <source>FRONT →</source>
            <translation>DELANTE →</translation>
        </message>
        <message>
            <source>BACK →</source>
            <translation>DETRÁS →</translation>
        </message>
        <message>
            <source>← BACK</source>
            <translation>← DETRÁS</translation>
        </message>
        <message>
            <source>← FRONT</source>
            <translation>← DELANTE</translation>
        </message>
        <message>
            <source>{title} view</source>
            <translation>Vista: {title}</translation>
        </message>
        <message>
            <source>Region under the pointer</source>
            <translation>Región bajo el puntero</translation>
        </message>
        <message>
            <source>Body diagrams</source>
            <translation>Diagramas del cuerpo</translation>
        </message>
    </context>
    <context>
        <name>sounds</name>
        <message>
            <source>no audio output</source>
            <translation>no hay salida de audio</translation>
        </message>
    </context>
    <context>
        <name>spotlight</name>
        <message>
            <source>Spotlight</source>
            <translation>Foco</translation>
        </message>
        <message>
            <source>Dims the screen except around the pointer</source>
            <translation>Oscurece la pantalla salvo alrededor del puntero</translation>
        </message>
    </context>
</TS>
