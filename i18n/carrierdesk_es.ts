<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>About</name>
    <message>
        <source>Carrierdesk desktop</source>
        <translation>Escritorio de Carrierdesk</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>{version} at {url}</source>
        <translation>{version} en {url}</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>Revisión del esquema</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>About Carrierdesk</source>
        <translation>Acerca de Carrierdesk</translation>
    </message>
</context>
<context>
    <name>AccountAnisTab</name>
    <message>
        <source>Caller number, e.g. +1 305 555 0101</source>
        <translation>Número de origen, p. ej. +1 305 555 0101</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Unregister…</source>
        <translation>Dar de baja…</translation>
    </message>
    <message>
        <source>Caller number</source>
        <translation>Número de origen</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Fixed destination</source>
        <translation>Destino fijo</translation>
    </message>
    <message numerus="yes">
        <source>%n caller number(s)</source>
        <translation>
            <numerusform>%n número de origen</numerusform>
            <numerusform>%n números de origen</numerusform>
        </translation>
    </message>
    <message>
        <source>No caller numbers yet: type one above and press Register.</source>
        <translation>Aún no hay números de origen: escriba uno arriba y pulse Registrar.</translation>
    </message>
    <message>
        <source>Registering the caller number…</source>
        <translation>Registrando el número de origen…</translation>
    </message>
    <message>
        <source>Unregister caller number {number}? Calls from it will no longer be recognised as this account.</source>
        <translation>¿Dar de baja el número de origen {number}? Sus llamadas dejarán de reconocerse como de esta cuenta.</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Dar de baja</translation>
    </message>
    <message>
        <source>Unregistering the caller number…</source>
        <translation>Dando de baja el número de origen…</translation>
    </message>
    <message>
        <source>Fixed destination (optional)</source>
        <translation>Destino fijo (opcional)</translation>
    </message>
    <message>
        <source>Fixed destination…</source>
        <translation>Destino fijo…</translation>
    </message>
</context>
<context>
    <name>AccountCalling</name>
    <message>
        <source>it is suspended</source>
        <translation>está suspendida</translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation>está cerrada</translation>
    </message>
    <message>
        <source>it has expired</source>
        <translation>ha caducado</translation>
    </message>
    <message>
        <source>it has no tariff</source>
        <translation>no tiene tarifa</translation>
    </message>
    <message>
        <source>its tariff {tariff} is in another currency</source>
        <translation>su tarifa {tariff} está en otra moneda</translation>
    </message>
    <message>
        <source>its tariff {tariff} has no rate in force</source>
        <translation>su tarifa {tariff} no tiene ningún precio vigente</translation>
    </message>
    <message>
        <source>it has no dial plan</source>
        <translation>no tiene plan de marcación</translation>
    </message>
    <message>
        <source>its dial plan {plan} has no route</source>
        <translation>su plan de marcación {plan} no tiene ninguna ruta</translation>
    </message>
    <message>
        <source>it has no money left to call with</source>
        <translation>no le queda dinero para llamar</translation>
    </message>
    <message>
        <source>no caller number (ANI), DID or trunk leads a call to it</source>
        <translation>ningún número llamante (ANI), DID ni troncal le lleva llamadas</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
</context>
<context>
    <name>AccountCallingSummary</name>
    <message>
        <source>Tariff</source>
        <translation>Tarifa</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de marcación</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({currency}, %n rate(s) in force)</source>
        <translation>
            <numerusform>{name} ({currency}, %n precio vigente)</numerusform>
            <numerusform>{name} ({currency}, %n precios vigentes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n route(s))</source>
        <translation>
            <numerusform>{name} (%n ruta)</numerusform>
            <numerusform>{name} (%n rutas)</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} of {most}</source>
        <translation>{count} de {most}</translation>
    </message>
    <message>
        <source>calls at once: {calls}; per second: {cps}; caller numbers: {anis}</source>
        <translation>llamadas a la vez: {calls}; por segundo: {cps}; números llamantes: {anis}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>It can call: {available} available.</source>
        <translation>Puede llamar: {available} disponibles.</translation>
    </message>
    <message>
        <source>The balance is below its warning level.</source>
        <translation>El saldo está por debajo de su nivel de aviso.</translation>
    </message>
    <message>
        <source>Why can&apos;t this account call? Because {reasons}.</source>
        <translation>¿Por qué no puede llamar esta cuenta? Porque {reasons}.</translation>
    </message>
</context>
<context>
    <name>AccountCallsTab</name>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>Nombre del destino</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation>Tarifa/min</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Every call of this account as a CSV file, as the service exports it</source>
        <translation>Todas las llamadas de esta cuenta en un archivo CSV, tal como las exporta el servicio</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n llamada</numerusform>
            <numerusform>%n llamadas</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls from this account yet.</source>
        <translation>Esta cuenta aún no tiene llamadas.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Exportar llamadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) saved to {path}</source>
        <translation>
            <numerusform>%n llamada guardada en {path}</numerusform>
            <numerusform>%n llamadas guardadas en {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>Exportando llamadas…</translation>
    </message>
</context>
<context>
    <name>AccountDetailsPage</name>
    <message>
        <source>← Accounts</source>
        <translation>← Cuentas</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Recharge / payment…</source>
        <translation>Recarga / pago…</translation>
    </message>
    <message>
        <source>Account {id}</source>
        <translation>Cuenta {id}</translation>
    </message>
    <message>
        <source>Caller numbers (ANIs)</source>
        <translation>Números de origen (ANI)</translation>
    </message>
    <message>
        <source>Speed dials</source>
        <translation>Marcación rápida</translation>
    </message>
    <message>
        <source>DIDs</source>
        <translation>DID</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Extractos</translation>
    </message>
    <message>
        <source>Could not load the account: {message}</source>
        <translation>No se pudo cargar la cuenta: {message}</translation>
    </message>
    <message>
        <source>Receipt {receipt}: {kind} of {amount}. New balance: {balance}.</source>
        <translation>Recibo {receipt}: {kind} de {amount}. Nuevo saldo: {balance}.</translation>
    </message>
    <message>
        <source>{number} — {name}</source>
        <translation>{number} — {name}</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Tariff</source>
        <translation>Tarifa</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de marcación</translation>
    </message>
    <message>
        <source>Tax profile</source>
        <translation>Perfil fiscal</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>{text} is not a date; write it like 2027-01-31 or 2027-01-31 18:00</source>
        <translation>{text} no es una fecha; escríbala como 2027-01-31 o 2027-01-31 18:00</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nueva cuenta</translation>
    </message>
    <message>
        <source>Account {number}</source>
        <translation>Cuenta {number}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Suspended: no new calls and no payments, calls in progress go on. Closed: no new calls, calls in progress are hung up, only refunds.</source>
        <translation>Suspendida: ni llamadas nuevas ni pagos; las llamadas en curso siguen. Cerrada: ni llamadas nuevas; las llamadas en curso se cuelgan; solo reembolsos.</translation>
    </message>
    <message>
        <source>company currency</source>
        <translation>moneda de la empresa</translation>
    </message>
    <message>
        <source>No tariff: its calls are refused</source>
        <translation>Sin tarifa: sus llamadas se rechazan</translation>
    </message>
    <message>
        <source>No dial plan: its calls are refused</source>
        <translation>Sin plan de marcación: sus llamadas se rechazan</translation>
    </message>
    <message>
        <source>No taxes</source>
        <translation>Sin impuestos</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>sin aviso</translation>
    </message>
    <message>
        <source>its caller numbers and destinations</source>
        <translation>sus números de llamada y destinos</translation>
    </message>
    <message>
        <source>company time zone</source>
        <translation>zona horaria de la empresa</translation>
    </message>
    <message>
        <source>never (or 2027-01-31, in UTC)</source>
        <translation>nunca (o 2027-01-31, en UTC)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Credit limit (postpaid)</source>
        <translation>Límite de crédito (pospago)</translation>
    </message>
    <message>
        <source>Overdraft (prepaid)</source>
        <translation>Descubierto (prepago)</translation>
    </message>
    <message>
        <source>Warn below</source>
        <translation>Avisar por debajo de</translation>
    </message>
    <message>
        <source>Calls at once</source>
        <translation>Llamadas a la vez</translation>
    </message>
    <message>
        <source>New calls per second</source>
        <translation>Llamadas nuevas por segundo</translation>
    </message>
    <message>
        <source>Caller numbers (ANIs)</source>
        <translation>Números de origen (ANI)</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Caduca (UTC)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Creando la cuenta…</translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation>Guardando la cuenta…</translation>
    </message>
</context>
<context>
    <name>AccountDidsTab</name>
    <message>
        <source>Read only here: administrators add DIDs, change them and assign them to accounts on the DIDs page.</source>
        <translation>Solo lectura aquí: los administradores añaden, modifican y asignan los DID a las cuentas en la página DID.</translation>
    </message>
    <message>
        <source>Open the DIDs page</source>
        <translation>Abrir la página DID</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Forwarded to</source>
        <translation>Desviado a</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>Cuota mensual</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s)</source>
        <translation>
            <numerusform>%n DID</numerusform>
            <numerusform>%n DID</numerusform>
        </translation>
    </message>
    <message>
        <source>No DIDs are assigned to this account.</source>
        <translation>Esta cuenta no tiene DID asignados.</translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Límite de crédito</translation>
    </message>
    <message>
        <source>Overdraft</source>
        <translation>Descubierto</translation>
    </message>
</context>
<context>
    <name>AccountHistory</name>
    <message>
        <source>Answered</source>
        <translation>Contestada</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperada</translation>
    </message>
</context>
<context>
    <name>AccountNotesTab</name>
    <message>
        <source>A note for the other support reps…</source>
        <translation>Una nota para los demás agentes de soporte…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>(removed user)</source>
        <translation>(usuario eliminado)</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Escrita</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s), newest first</source>
        <translation>
            <numerusform>%n nota, la más reciente primero</numerusform>
            <numerusform>%n notas, las más recientes primero</numerusform>
        </translation>
    </message>
    <message>
        <source>No notes yet: write one above and press Add note.</source>
        <translation>Aún no hay notas: escriba una arriba y pulse Añadir nota.</translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation>Añadiendo la nota…</translation>
    </message>
</context>
<context>
    <name>AccountPackagesTab</name>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>{name} ({period}, {fee})</source>
        <translation>{name} ({period}, {fee})</translation>
    </message>
    <message>
        <source>Choose a package to assign</source>
        <translation>Elija un paquete para asignar</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Opens the package for the current period and charges its fee now</source>
        <translation>Abre el paquete para el período actual y cobra su cuota ahora</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Período desde</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Usado</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Restante</translation>
    </message>
    <message numerus="yes">
        <source>%n package period(s)</source>
        <translation>
            <numerusform>%n período de paquete</numerusform>
            <numerusform>%n períodos de paquete</numerusform>
        </translation>
    </message>
    <message>
        <source>No packages: choose one above and press Assign (its fee is charged for the current period).</source>
        <translation>Sin paquetes: elija uno arriba y pulse Asignar (su cuota se cobra por el período actual).</translation>
    </message>
    <message>
        <source>Choose the package to assign first.</source>
        <translation>Elija primero el paquete que desea asignar.</translation>
    </message>
    <message>
        <source>Assigning the package…</source>
        <translation>Asignando el paquete…</translation>
    </message>
    <message>
        <source>Remove {package} for the period from {start}? It stops renewing; the fee paid stays paid.</source>
        <translation>¿Quitar {package} del período desde {start}? Deja de renovarse; la cuota pagada no se devuelve.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Removing the package…</source>
        <translation>Quitando el paquete…</translation>
    </message>
</context>
<context>
    <name>AccountPaymentsTab</name>
    <message>
        <source>Entered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n pago</numerusform>
            <numerusform>%n pagos</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments yet: Recharge / payment… above enters one.</source>
        <translation>Aún no hay pagos: Recarga / pago… (arriba) registra uno.</translation>
    </message>
</context>
<context>
    <name>AccountRefs</name>
    <message>
        <source>No account you may see has the number {number}</source>
        <translation>Ninguna cuenta que pueda ver tiene el número {number}</translation>
    </message>
</context>
<context>
    <name>AccountSpeedDialsTab</name>
    <message>
        <source>Slot </source>
        <translation>Posición </translation>
    </message>
    <message>
        <source>Number, e.g. +44 20 7946 0958</source>
        <translation>Número, p. ej. +44 20 7946 0958</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>Etiqueta (opcional)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message numerus="yes">
        <source>%n speed dial(s)</source>
        <translation>
            <numerusform>%n marcación rápida</numerusform>
            <numerusform>%n marcaciones rápidas</numerusform>
        </translation>
    </message>
    <message>
        <source>No speed dials yet: choose a slot, type the number above and press Add.</source>
        <translation>Aún no hay marcaciones rápidas: elija una posición, escriba el número arriba y pulse Añadir.</translation>
    </message>
    <message>
        <source>Adding the speed dial…</source>
        <translation>Añadiendo la marcación rápida…</translation>
    </message>
    <message>
        <source>Delete speed dial {slot} ({number})?</source>
        <translation>¿Eliminar la marcación rápida {slot} ({number})?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleting the speed dial…</source>
        <translation>Eliminando la marcación rápida…</translation>
    </message>
</context>
<context>
    <name>AccountStatementsTab</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) issued</source>
        <translation>
            <numerusform>%n documento emitido</numerusform>
            <numerusform>%n documentos emitidos</numerusform>
        </translation>
    </message>
    <message>
        <source>No statement issued yet: choose a month above and Open or Save… it. An ended month is numbered and kept the first time; the current one is provisional.</source>
        <translation>Aún no se ha emitido ningún extracto: elija un mes arriba y use Abrir o Guardar…. Un mes terminado se numera y se guarda la primera vez; el mes en curso es provisional.</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>{shown} shown; scroll down for more</source>
        <translation>{shown} mostrados; desplácese hacia abajo para ver más</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Prepaid</source>
        <translation>Prepago</translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation>Pospago</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Customers (no cards)</source>
        <translation>Clientes (sin tarjetas)</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Todas las cuentas</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendida</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Search number or name</source>
        <translation>Buscar por número o nombre</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>Nueva cuenta…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Card accounts come by the thousand with a card batch: they are listed only when you ask for them</source>
        <translation>Las cuentas de tarjetas llegan por miles con cada lote: solo se listan cuando se piden</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Any reseller</source>
        <translation>Cualquier revendedor</translation>
    </message>
    <message>
        <source>Balance below…</source>
        <translation>Saldo menor que…</translation>
    </message>
    <message>
        <source>Only the accounts whose balance is below this amount (0: below zero)</source>
        <translation>Solo las cuentas cuyo saldo es menor que este importe (0: negativo)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Could not load accounts: {message}</source>
        <translation>No se pudieron cargar las cuentas: {message}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n cuenta</numerusform>
            <numerusform>%n cuentas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n cuenta mostrada; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n cuentas mostradas; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>Defaults for new accounts…</source>
        <translation>Valores por defecto de las cuentas nuevas…</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Your company and its administrator</source>
        <translation>Su empresa y su administrador</translation>
    </message>
    <message>
        <source>The administrator may do everything, including adding the other users.</source>
        <translation>El administrador puede hacerlo todo, incluso añadir a los demás usuarios.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>Al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>ISO 4217 code of the money you bill in: USD, EUR, GBP, …</source>
        <translation>Código ISO 4217 de la moneda en que factura: USD, EUR, GBP, …</translation>
    </message>
    <message>
        <source>Reports, daily caps and peak hours follow this time zone</source>
        <translation>Los informes, los límites diarios y las horas punta siguen esta zona horaria</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nombre de la empresa</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>a user name</source>
        <translation>un nombre de usuario</translation>
    </message>
    <message>
        <source>a password of at least {count} characters</source>
        <translation>una contraseña de al menos {count} caracteres</translation>
    </message>
    <message>
        <source>the same password typed again</source>
        <translation>la misma contraseña escrita otra vez</translation>
    </message>
    <message>
        <source>the company name</source>
        <translation>el nombre de la empresa</translation>
    </message>
    <message>
        <source>a currency code of three letters</source>
        <translation>un código de moneda de tres letras</translation>
    </message>
    <message>
        <source>a time zone from the list</source>
        <translation>una zona horaria de la lista</translation>
    </message>
    <message>
        <source>Create needs {items}.</source>
        <translation>Para crear falta {items}.</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>Creando el administrador…</translation>
    </message>
</context>
<context>
    <name>AgentPinDialog</name>
    <message>
        <source>Agent PIN of {name}</source>
        <translation>PIN de agente de {name}</translation>
    </message>
    <message>
        <source>The store&apos;s clerk calls the access number, presses * at the PIN prompt and keys this PIN to recharge the store&apos;s PIN-less customers from its balance. A new PIN replaces the old one at once and is shown only here, once.</source>
        <translation>El dependiente de la tienda llama al número de acceso, pulsa * cuando se le pide el PIN y marca este PIN para recargar, con el saldo de la tienda, a sus clientes sin PIN. Un PIN nuevo sustituye al anterior al instante y solo se muestra aquí, una vez.</translation>
    </message>
    <message>
        <source>Issued {when}.</source>
        <translation>Emitido el {when}.</translation>
    </message>
    <message>
        <source>It has no agent PIN.</source>
        <translation>No tiene PIN de agente.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Drawing a new PIN…</source>
        <translation>Generando un PIN nuevo…</translation>
    </message>
    <message>
        <source>Write it down now: it is not shown again. Issued {when}.</source>
        <translation>Anótelo ahora: no se vuelve a mostrar. Emitido el {when}.</translation>
    </message>
    <message>
        <source>Revoking the PIN…</source>
        <translation>Revocando el PIN…</translation>
    </message>
    <message>
        <source>Agent PIN revoked: it opens nothing now.</source>
        <translation>PIN de agente revocado: ya no abre nada.</translation>
    </message>
</context>
<context>
    <name>AniDestinationDialog</name>
    <message>
        <source>Fixed destination of {number}</source>
        <translation>Destino fijo de {number}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>none: the caller is asked (IVR)</source>
        <translation>ninguno: se pregunta al llamante (IVR)</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Saving the destination…</source>
        <translation>Guardando el destino…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
</context>
<context>
    <name>BandScheduleDialog</name>
    <message>
        <source>New band schedule</source>
        <translation>Nuevo horario de franjas</translation>
    </message>
    <message>
        <source>Band schedule {name}</source>
        <translation>Horario de franjas {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>00:00 is midnight at the end of the day</source>
        <translation>00:00 es la medianoche al final del día</translation>
    </message>
    <message>
        <source>dates like 2026-12-25, separated by spaces or new lines</source>
        <translation>fechas como 2026-12-25, separadas por espacios o saltos de línea</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Peak days</source>
        <translation>Días punta</translation>
    </message>
    <message>
        <source>Peak from</source>
        <translation>Punta desde</translation>
    </message>
    <message>
        <source>Peak until</source>
        <translation>Punta hasta</translation>
    </message>
    <message>
        <source>Weekend days</source>
        <translation>Días de fin de semana</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Festivos</translation>
    </message>
    <message>
        <source>Adding the band schedule…</source>
        <translation>Añadiendo el horario de franjas…</translation>
    </message>
    <message>
        <source>Saving the band schedule…</source>
        <translation>Guardando el horario de franjas…</translation>
    </message>
</context>
<context>
    <name>BandSchedules</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Band schedule</source>
        <translation>Horario de franjas</translation>
    </message>
    <message>
        <source>Peak days</source>
        <translation>Días punta</translation>
    </message>
    <message>
        <source>Peak hours</source>
        <translation>Horas punta</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Fin de semana</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Festivos</translation>
    </message>
    <message>
        <source>{text} is not a time of day; write it like 08:00</source>
        <translation>{text} no es una hora del día; escríbala como 08:00</translation>
    </message>
    <message>
        <source>{text} is not a date; write dates like 2026-12-25</source>
        <translation>{text} no es una fecha; escriba las fechas como 2026-12-25</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>Valor nominal</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distribuidor</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendedor</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Creado (UTC)</translation>
    </message>
</context>
<context>
    <name>BatchesTab</name>
    <message>
        <source>Batch name contains…</source>
        <translation>El nombre del lote contiene…</translation>
    </message>
    <message>
        <source>Generate batch…</source>
        <translation>Generar lote…</translation>
    </message>
    <message>
        <source>Export for printing…</source>
        <translation>Exportar para imprimir…</translation>
    </message>
    <message>
        <source>The batch is made.</source>
        <translation>El lote está hecho.</translation>
    </message>
    <message>
        <source>Saved to {path}. It holds live PINs: delete it once the cards are printed.</source>
        <translation>Guardado en {path}. Contiene PIN válidos: bórrelo cuando las tarjetas estén impresas.</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n lote</numerusform>
            <numerusform>%n lotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) shown; scroll down for more</source>
        <translation>
            <numerusform>%n lote mostrado; desplácese para ver más</numerusform>
            <numerusform>%n lotes mostrados; desplácese para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No batch name contains “{text}”.</source>
        <translation>Ningún nombre de lote contiene «{text}».</translation>
    </message>
    <message>
        <source>No card batches yet: make one with “Generate batch…”.</source>
        <translation>Aún no hay lotes de tarjetas: cree uno con «Generar lote…».</translation>
    </message>
    <message>
        <source>No card batches yet.</source>
        <translation>Aún no hay lotes de tarjetas.</translation>
    </message>
</context>
<context>
    <name>BlendDialog</name>
    <message>
        <source>Blend {tariff} from carriers</source>
        <translation>Componer {tariff} a partir de operadores</translation>
    </message>
    <message>
        <source>Blend</source>
        <translation>Componer</translation>
    </message>
    <message>
        <source>Tick the carriers whose buy decks make the cost (Space ticks)</source>
        <translation>Marque los operadores cuyas tarifas de compra forman el coste (Espacio marca)</translation>
    </message>
    <message>
        <source>percent over cost</source>
        <translation>porcentaje sobre el coste</translation>
    </message>
    <message>
        <source>amount per minute</source>
        <translation>importe por minuto</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Prices are rounded up to a multiple of this</source>
        <translation>Los precios se redondean hacia arriba a un múltiplo de esto</translation>
    </message>
    <message>
        <source>The cost is the average of this many cheapest carriers</source>
        <translation>El coste es la media de esta cantidad de operadores más baratos</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>Operadores</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>At least (per minute)</source>
        <translation>Como mínimo (por minuto)</translation>
    </message>
    <message>
        <source>Round up to</source>
        <translation>Redondear hacia arriba a</translation>
    </message>
    <message>
        <source>Average of the cheapest</source>
        <translation>Media de los más baratos</translation>
    </message>
    <message>
        <source>Every rate of the tariff is replaced by the blended prices.</source>
        <translation>Todas las tarifas de la tarifa se sustituyen por los precios compuestos.</translation>
    </message>
    <message>
        <source>{name} (no buy deck)</source>
        <translation>{name} (sin tarifa de compra)</translation>
    </message>
    <message>
        <source>{name} (switched off: skipped)</source>
        <translation>{name} (desactivado: se omite)</translation>
    </message>
    <message>
        <source>Starting the blend…</source>
        <translation>Iniciando la composición…</translation>
    </message>
</context>
<context>
    <name>CardDialogs</name>
    <message>
        <source>company currency</source>
        <translation>moneda de la empresa</translation>
    </message>
    <message>
        <source>None: the operator sells them</source>
        <translation>Ninguno: las vende el operador</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>New (never used)</source>
        <translation>Nueva (sin usar)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>Agotada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>1 day after first use</source>
        <translation>1 día tras el primer uso</translation>
    </message>
    <message>
        <source>{days} days after first use</source>
        <translation>{days} días tras el primer uso</translation>
    </message>
    <message>
        <source>{date} or {after_use}</source>
        <translation>{date} o {after_use}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Batches</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <source>Look up a card</source>
        <translation>Buscar una tarjeta</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Vales</translation>
    </message>
</context>
<context>
    <name>CarrierDialog</name>
    <message>
        <source>New carrier</source>
        <translation>Nuevo operador</translation>
    </message>
    <message>
        <source>Carrier {name}</source>
        <translation>Operador {name}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Carries calls</source>
        <translation>Cursa llamadas</translation>
    </message>
    <message>
        <source>No buy tariff</source>
        <translation>Sin tarifa de compra</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>sin tope</translation>
    </message>
    <message>
        <source>e.g. 488, 403 (408 and 5xx always do)</source>
        <translation>p. ej. 488, 403 (408 y 5xx siempre)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation>Tarifa de compra</translation>
    </message>
    <message>
        <source>Channels (0 = unlimited)</source>
        <translation>Canales (0 = sin límite)</translation>
    </message>
    <message>
        <source>Calls per second (0 = unlimited)</source>
        <translation>Llamadas por segundo (0 = sin límite)</translation>
    </message>
    <message>
        <source>Daily minutes cap</source>
        <translation>Tope diario de minutos</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>Formato del número</translation>
    </message>
    <message>
        <source>Strip digits</source>
        <translation>Dígitos a quitar</translation>
    </message>
    <message>
        <source>Tech prefix</source>
        <translation>Prefijo técnico</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>Códecs</translation>
    </message>
    <message>
        <source>Fail over also on</source>
        <translation>Pasar al siguiente también con</translation>
    </message>
    <message>
        <source>Monthly minutes cap</source>
        <translation>Tope mensual de minutos</translation>
    </message>
    <message>
        <source>Add gateway</source>
        <translation>Añadir pasarela</translation>
    </message>
    <message>
        <source>Remove gateway</source>
        <translation>Quitar pasarela</translation>
    </message>
    <message>
        <source>Gateways (the heavier weight is tried first)</source>
        <translation>Pasarelas (se prueba primero la de más peso)</translation>
    </message>
    <message>
        <source>Saving the carrier…</source>
        <translation>Guardando el operador…</translation>
    </message>
</context>
<context>
    <name>CarrierPage</name>
    <message>
        <source>Your first carrier</source>
        <translation>Su primer operador</translation>
    </message>
    <message>
        <source>The carrier your calls go out through, and the address of its gateway. Leave the fields empty to skip: carriers can be added later on the Carriers page.</source>
        <translation>El operador por el que salen sus llamadas y la dirección de su pasarela. Deje los campos vacíos para omitir este paso: puede añadir operadores más tarde en la página Operadores.</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>nombre de host o dirección IP</translation>
    </message>
    <message>
        <source>Carrier name</source>
        <translation>Nombre del operador</translation>
    </message>
    <message>
        <source>Gateway host</source>
        <translation>Host de la pasarela</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>Puerto de la pasarela</translation>
    </message>
    <message>
        <source>Adding the carrier…</source>
        <translation>Añadiendo el operador…</translation>
    </message>
</context>
<context>
    <name>CarriersPage</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>(every number)</source>
        <translation>(todos los números)</translation>
    </message>
    <message>
        <source>{name} (pinned)</source>
        <translation>{name} (fijado)</translation>
    </message>
    <message>
        <source>{name} (excluded)</source>
        <translation>{name} (excluido)</translation>
    </message>
    <message>
        <source>(every carrier)</source>
        <translation>(todos los operadores)</translation>
    </message>
    <message>
        <source>excluded for this prefix</source>
        <translation>excluido para este prefijo</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>down</source>
        <translation>caído</translation>
    </message>
    <message>
        <source>no buy rate for the number</source>
        <translation>sin precio de compra para el número</translation>
    </message>
    <message>
        <source>would route at a loss</source>
        <translation>cursaría con pérdidas</translation>
    </message>
    <message>
        <source>over its minutes cap</source>
        <translation>superó su tope de minutos</translation>
    </message>
    <message>
        <source>at its channel or CPS limit</source>
        <translation>en su límite de canales o de CPS</translation>
    </message>
    <message>
        <source>no common codec</source>
        <translation>ningún códec en común</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>encaminada</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqueada</translation>
    </message>
    <message>
        <source>no route for the number</source>
        <translation>ninguna ruta para el número</translation>
    </message>
    <message>
        <source>no carrier can take it</source>
        <translation>ningún operador puede cursarla</translation>
    </message>
    <message>
        <source>{gateway}: switched off</source>
        <translation>{gateway}: desactivada</translation>
    </message>
    <message>
        <source>{gateway}: not checked yet</source>
        <translation>{gateway}: aún sin comprobar</translation>
    </message>
    <message>
        <source>{gateway}: up since {since}</source>
        <translation>{gateway}: activa desde {since}</translation>
    </message>
    <message>
        <source>{gateway}: down since {since} (no answer to the switch&apos;s OPTIONS)</source>
        <translation>{gateway}: caída desde {since} (no responde a los OPTIONS del switch)</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Up since {since}</source>
        <translation>Activo desde {since}</translation>
    </message>
    <message>
        <source> ({down} of {all} gateways down)</source>
        <translation> ({down} de {all} pasarelas caídas)</translation>
    </message>
    <message>
        <source>Down since {since}</source>
        <translation>Caído desde {since}</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Aún sin comprobar</translation>
    </message>
    <message>
        <source>No gateway</source>
        <translation>Sin pasarela</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>CPS</source>
        <translation>CPS</translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation>Tarifa de compra</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Pasarelas</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de marcación</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Rutas</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>Carriers, as listed</source>
        <translation>Operadores, en su orden</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>Operadores</translation>
    </message>
    <message>
        <source>Dial plans and routes</source>
        <translation>Planes de marcación y rutas</translation>
    </message>
    <message>
        <source>Explain route</source>
        <translation>Explicar la ruta</translation>
    </message>
    <message>
        <source>RADIUS clients</source>
        <translation>Clientes RADIUS</translation>
    </message>
</context>
<context>
    <name>CarriersTab</name>
    <message>
        <source>Carrier name contains…</source>
        <translation>El nombre del operador contiene…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>New carrier…</source>
        <translation>Nuevo operador…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Carrier {name} saved.</source>
        <translation>Operador {name} guardado.</translation>
    </message>
    <message>
        <source>Saving the carrier…</source>
        <translation>Guardando el operador…</translation>
    </message>
    <message>
        <source>{name} carries calls again.</source>
        <translation>{name} vuelve a cursar llamadas.</translation>
    </message>
    <message>
        <source>{name} is switched off: routing skips it from now on.</source>
        <translation>{name} está desactivado: el encaminamiento lo salta desde ahora.</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Activar</translation>
    </message>
    <message numerus="yes">
        <source>%n carrier(s)</source>
        <translation>
            <numerusform>%n operador</numerusform>
            <numerusform>%n operadores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carrier(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n operador mostrado; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n operadores mostrados; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No carrier name contains this text.</source>
        <translation>Ningún nombre de operador contiene este texto.</translation>
    </message>
    <message>
        <source>No carriers yet: add the carriers you buy minutes from with “New carrier…”.</source>
        <translation>Aún no hay operadores: añada a quienes compra minutos con «Nuevo operador…».</translation>
    </message>
</context>
<context>
    <name>CdrSearchTab</name>
    <message>
        <source>Account number</source>
        <translation>Número de cuenta</translation>
    </message>
    <message>
        <source>Destination starts with</source>
        <translation>Destino empieza por</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Cualquier resultado</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s)</source>
        <translation>
            <numerusform>%n registro de llamada</numerusform>
            <numerusform>%n registros de llamadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s) so far; scroll for more</source>
        <translation>
            <numerusform>%n registro de llamada por ahora; desplácese para ver más</numerusform>
            <numerusform>%n registros de llamadas por ahora; desplácese para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No call records match: widen the time range or clear a filter.</source>
        <translation>Ningún registro de llamada coincide: amplíe el periodo o quite un filtro.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>Nombre del destino</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation>Tarifa/min</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>Any carrier</source>
        <translation>Cualquier operador</translation>
    </message>
    <message>
        <source>Export call records</source>
        <translation>Exportar registros de llamadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s) exported to {path}</source>
        <translation>
            <numerusform>%n registro de llamada exportado a {path}</numerusform>
            <numerusform>%n registros de llamadas exportados a {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {message}</source>
        <translation>La exportación falló: {message}</translation>
    </message>
    <message>
        <source>Exporting call records…</source>
        <translation>Exportando registros de llamadas…</translation>
    </message>
</context>
<context>
    <name>CommissionRuleDialog</name>
    <message>
        <source>Commission rule of {name}</source>
        <translation>Regla de comisión de {name}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>digits; empty = every number</source>
        <translation>dígitos; vacío = todos los números</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Amount per minute</source>
        <translation>Importe por minuto</translation>
    </message>
    <message>
        <source>Saving the commission rule…</source>
        <translation>Guardando la regla de comisión…</translation>
    </message>
</context>
<context>
    <name>CommissionRules</name>
    <message>
        <source>Add rule…</source>
        <translation>Añadir regla…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Commission rule saved.</source>
        <translation>Regla de comisión guardada.</translation>
    </message>
    <message>
        <source>Delete commission rule</source>
        <translation>Eliminar la regla de comisión</translation>
    </message>
    <message>
        <source>Delete this commission rule ({basis})?</source>
        <translation>¿Eliminar esta regla de comisión ({basis})?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleting the commission rule…</source>
        <translation>Eliminando la regla de comisión…</translation>
    </message>
    <message>
        <source>Commission rule deleted.</source>
        <translation>Regla de comisión eliminada.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n regla</numerusform>
            <numerusform>%n reglas</numerusform>
        </translation>
    </message>
    <message>
        <source>No commission rules: this reseller earns no commission. Add one with “Add rule…”.</source>
        <translation>Sin reglas de comisión: este revendedor no gana comisión. Añada una con «Añadir regla…».</translation>
    </message>
</context>
<context>
    <name>CompanyDefaultsDialog</name>
    <message>
        <source>Defaults for new accounts</source>
        <translation>Valores por defecto de las cuentas nuevas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>None: new accounts get no tariff</source>
        <translation>Ninguna: las cuentas nuevas no reciben tarifa</translation>
    </message>
    <message>
        <source>None: new accounts get no dial plan</source>
        <translation>Ninguno: las cuentas nuevas no reciben plan de marcación</translation>
    </message>
    <message>
        <source>Tariff (in the company currency)</source>
        <translation>Tarifa (en la moneda de la empresa)</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de marcación</translation>
    </message>
    <message>
        <source>The current defaults are still loading; try again in a moment.</source>
        <translation>Los valores actuales aún se están cargando; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Saving the defaults…</source>
        <translation>Guardando los valores por defecto…</translation>
    </message>
</context>
<context>
    <name>CompanySection</name>
    <message>
        <source>Save company settings</source>
        <translation>Guardar los datos de la empresa</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
    <message>
        <source>Saving the company settings…</source>
        <translation>Guardando los datos de la empresa…</translation>
    </message>
    <message>
        <source>Saved: {name}, {currency}, {zone}.</source>
        <translation>Guardado: {name}, {currency}, {zone}.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Service status</source>
        <translation>Estado del servicio</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secretos</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Comprobar de nuevo</translation>
    </message>
    <message>
        <source>Place test call…</source>
        <translation>Hacer llamada de prueba…</translation>
    </message>
    <message>
        <source>A real call through the switch, billed to an account: it shows on Live calls and here, and its record in Reports</source>
        <translation>Una llamada real a través del switch, facturada a una cuenta: aparece en Llamadas en curso y aquí, y su registro en Informes</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Conmutador</translation>
    </message>
    <message>
        <source>Concurrent calls</source>
        <translation>Llamadas simultáneas</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>llamadas</translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation>Llamadas por segundo</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>llamadas/s</translation>
    </message>
    <message>
        <source>ASR per carrier, last hour</source>
        <translation>ASR por operador, última hora</translation>
    </message>
    <message>
        <source>ASR %</source>
        <translation>ASR %</translation>
    </message>
    <message>
        <source>{calls} calls in progress, {cps:.1f} calls/s</source>
        <translation>{calls} llamadas en curso, {cps:.1f} llamadas/s</translation>
    </message>
    <message>
        <source>This service runs no SIP switch: no calls to show.</source>
        <translation>Este servicio no ejecuta conmutador SIP: no hay llamadas que mostrar.</translation>
    </message>
    <message>
        <source>IVR: {callers} callers, {failures} wrong PINs, {lockouts} refused while locked out</source>
        <translation>IVR: {callers} llamantes, {failures} PIN erróneos, {lockouts} rechazados por bloqueo</translation>
    </message>
    <message>
        <source>{carrier} (no calls)</source>
        <translation>{carrier} (sin llamadas)</translation>
    </message>
    <message>
        <source>{carrier} ({calls} calls)</source>
        <translation>{carrier} ({calls} llamadas)</translation>
    </message>
    <message>
        <source>No calls yet today. Admins can place a test call to see one go through.</source>
        <translation>Aún no hay llamadas hoy. Los administradores pueden hacer una llamada de prueba para ver una pasar.</translation>
    </message>
    <message>
        <source>Test call answered: it is on Live calls now and hangs up after {seconds}; its record then shows in Reports.</source>
        <translation>Llamada de prueba contestada: está ahora en Llamadas en curso y cuelga tras {seconds}; luego su registro aparece en Informes.</translation>
    </message>
    <message>
        <source>The switch did not connect the test call: {reason}</source>
        <translation>El switch no conectó la llamada de prueba: {reason}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>The service answers.</source>
        <translation>El servicio responde.</translation>
    </message>
    <message>
        <source>Kept in a file readable only by the service&apos;s user: this machine has no system keyring.</source>
        <translation>Guardados en un archivo que solo puede leer el usuario del servicio: esta máquina no tiene llavero del sistema.</translation>
    </message>
    <message>
        <source>Kept in the system keyring.</source>
        <translation>Guardados en el llavero del sistema.</translation>
    </message>
</context>
<context>
    <name>DialPlanDialog</name>
    <message>
        <source>New dial plan</source>
        <translation>Nuevo plan de marcación</translation>
    </message>
    <message>
        <source>Dial plan {name}</source>
        <translation>Plan de marcación {name}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Saving the dial plan…</source>
        <translation>Guardando el plan de marcación…</translation>
    </message>
</context>
<context>
    <name>DialPlansList</name>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>Nuevo plan…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Dial plan {name} saved.</source>
        <translation>Plan de marcación {name} guardado.</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n planes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n plan mostrado; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n planes mostrados; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No dial plans yet: add one with “New plan…”.</source>
        <translation>Aún no hay planes de marcación: añada uno con «Nuevo plan…».</translation>
    </message>
</context>
<context>
    <name>DialPlansTab</name>
    <message>
        <source>Dial plans</source>
        <translation>Planes de marcación</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Rutas</translation>
    </message>
    <message>
        <source>Routes of {plan}</source>
        <translation>Rutas de {plan}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Discard what you typed?</source>
        <translation>¿Descartar lo que ha escrito?</translation>
    </message>
    <message>
        <source>Nothing of it has been saved.</source>
        <translation>Nada de ello se ha guardado.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>DidDialog</name>
    <message>
        <source>New DID</source>
        <translation>Nuevo DID</translation>
    </message>
    <message>
        <source>DID {number}</source>
        <translation>DID {number}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>+44 20 7946 0001</source>
        <translation>+44 20 7946 0001</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>número de cuenta</translation>
    </message>
    <message>
        <source>where calls go, e.g. +1 305 555 0101</source>
        <translation>adónde van las llamadas, p. ej. +1 305 555 0101</translation>
    </message>
    <message>
        <source>none, or e.g. en, es, fr</source>
        <translation>ninguno, o p. ej. en, es, fr</translation>
    </message>
    <message>
        <source>Languages the caller chooses from before the PIN: the first on key 1, the second on key 2… Each says &quot;for &lt;language&gt; press &lt;key&gt;&quot; in its own language. Empty: no menu (the card&apos;s or account&apos;s language)</source>
        <translation>Idiomas entre los que elige quien llama antes del PIN: el primero con la tecla 1, el segundo con la tecla 2… Cada uno dice &quot;para &lt;idioma&gt; oprima &lt;tecla&gt;&quot; en su propio idioma. Vacío: sin menú (el idioma de la tarjeta o de la cuenta)</translation>
    </message>
    <message>
        <source>callers&apos; numbers</source>
        <translation>los números de quienes llaman</translation>
    </message>
    <message>
        <source>The IVR announces this percentage fewer minutes than a call may last (minute shrinking); calls are billed as usual</source>
        <translation>El IVR anuncia este porcentaje menos de los minutos que puede durar una llamada (reducción de minutos); las llamadas se facturan como siempre</translation>
    </message>
    <message>
        <source>Charged every month to the account that pays for the DID, as a recurring fee (an access number&apos;s is the operator&apos;s own)</source>
        <translation>Se cobra cada mes a la cuenta que paga el DID, como cuota periódica (la de un número de acceso corre a cargo del operador)</translation>
    </message>
    <message>
        <source>The caller&apos;s account&apos;s dial plan</source>
        <translation>El plan de marcación de la cuenta del llamante</translation>
    </message>
    <message>
        <source>How calls that come in on this DID are routed when the caller&apos;s account has no dial plan of its own</source>
        <translation>Cómo se enrutan las llamadas que entran por este DID cuando la cuenta del llamante no tiene plan de marcación propio</translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation>Recibe llamadas</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Account (pays)</source>
        <translation>Cuenta (paga)</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Desviar a</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Troncal</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de marcación</translation>
    </message>
    <message>
        <source>Welcome prompt</source>
        <translation>Mensaje de bienvenida</translation>
    </message>
    <message>
        <source>Prompt language</source>
        <translation>Idioma de los mensajes</translation>
    </message>
    <message>
        <source>Language menu</source>
        <translation>Menú de idiomas</translation>
    </message>
    <message>
        <source>Minutes announced less</source>
        <translation>Minutos anunciados de menos</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Surcharge per minute</source>
        <translation>Recargo por minuto</translation>
    </message>
    <message>
        <source>Surcharge per call</source>
        <translation>Recargo por llamada</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>Cuota mensual</translation>
    </message>
    <message>
        <source>Trunks could not be loaded: {message}</source>
        <translation>No se pudieron cargar las troncales: {message}</translation>
    </message>
    <message>
        <source>no source IP</source>
        <translation>sin IP de origen</translation>
    </message>
    <message>
        <source>no trunks yet: add one on the Trunks tab</source>
        <translation>aún no hay troncales: añada una en la pestaña Troncales</translation>
    </message>
    <message>
        <source>Adding the DID…</source>
        <translation>Añadiendo el DID…</translation>
    </message>
    <message>
        <source>Saving the DID…</source>
        <translation>Guardando el DID…</translation>
    </message>
</context>
<context>
    <name>Dids</name>
    <message>
        <source>Forward</source>
        <translation>Desvío</translation>
    </message>
    <message>
        <source>Access number</source>
        <translation>Número de acceso</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Troncal</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP de origen</translation>
    </message>
    <message>
        <source>SIP digest</source>
        <translation>SIP digest</translation>
    </message>
    <message>
        <source>default region</source>
        <translation>región predeterminada</translation>
    </message>
    <message>
        <source>Two-letter country code (GB, FR, DE…): {what} written in national form are read as numbers of this country</source>
        <translation>Código de país de dos letras (GB, FR, DE…): {what} escritos en formato nacional se leen como números de este país</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
</context>
<context>
    <name>DidsModel</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Desviar a</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Troncal</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>Cuota mensual</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
</context>
<context>
    <name>DidsPage</name>
    <message>
        <source>DIDs</source>
        <translation>DID</translation>
    </message>
    <message>
        <source>Trunks</source>
        <translation>Troncales</translation>
    </message>
</context>
<context>
    <name>DidsTab</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s)</source>
        <translation>
            <numerusform>%n DID</numerusform>
            <numerusform>%n DID</numerusform>
        </translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Number contains…</source>
        <translation>El número contiene…</translation>
    </message>
    <message>
        <source>Add DID…</source>
        <translation>Añadir DID…</translation>
    </message>
    <message>
        <source>DID {number} saved.</source>
        <translation>DID {number} guardado.</translation>
    </message>
    <message>
        <source>Delete DID</source>
        <translation>Eliminar DID</translation>
    </message>
    <message>
        <source>Delete DID {number}? If call records name it, the service keeps it and deactivates it instead.</source>
        <translation>¿Eliminar el DID {number}? Si hay registros de llamadas que lo mencionan, el servicio lo conserva y lo desactiva.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleting the DID…</source>
        <translation>Eliminando el DID…</translation>
    </message>
    <message>
        <source>DID {number} deleted.</source>
        <translation>DID {number} eliminado.</translation>
    </message>
    <message>
        <source>DID {number} is named by call records, so the service deactivated it instead of deleting it.</source>
        <translation>Hay registros de llamadas que mencionan el DID {number}, así que el servicio lo desactivó en lugar de eliminarlo.</translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n DID mostrado; desplácese para ver más</numerusform>
            <numerusform>%n DID mostrados; desplácese para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No DID matches these filters.</source>
        <translation>Ningún DID coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No DIDs yet: add the numbers callers dial with “Add DID…”.</source>
        <translation>Aún no hay DID: añada los números que marcan los llamantes con «Añadir DID…».</translation>
    </message>
    <message>
        <source>No DIDs yet.</source>
        <translation>Aún no hay DID.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>account</source>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>importe</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>nombre de la empresa</translation>
    </message>
    <message>
        <source>number of cards</source>
        <translation>número de tarjetas</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>límite de crédito</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>moneda</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destino</translation>
    </message>
    <message>
        <source>dial plan</source>
        <translation>plan de marcación</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>face value</source>
        <translation>valor nominal</translation>
    </message>
    <message>
        <source>forward to</source>
        <translation>desviar a</translation>
    </message>
    <message>
        <source>gateway</source>
        <translation>pasarela</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>method</source>
        <translation>forma de pago</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>overdraft</source>
        <translation>descubierto</translation>
    </message>
    <message>
        <source>parent reseller</source>
        <translation>revendedor superior</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>port</source>
        <translation>puerto</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>prefijo</translation>
    </message>
    <message>
        <source>price per minute</source>
        <translation>precio por minuto</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>referencia</translation>
    </message>
    <message>
        <source>reseller</source>
        <translation>revendedor</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>número de serie</translation>
    </message>
    <message>
        <source>slot</source>
        <translation>posición</translation>
    </message>
    <message>
        <source>source IP</source>
        <translation>IP de origen</translation>
    </message>
    <message>
        <source>tariff</source>
        <translation>tarifa</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>zona horaria</translation>
    </message>
    <message>
        <source>trunk</source>
        <translation>troncal</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>válido desde</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>válido hasta</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>número de cuenta</translation>
    </message>
    <message>
        <source>caller number</source>
        <translation>número llamante</translation>
    </message>
    <message>
        <source>band schedule</source>
        <translation>horario de franjas</translation>
    </message>
    <message>
        <source>call</source>
        <translation>llamada</translation>
    </message>
    <message>
        <source>card</source>
        <translation>tarjeta</translation>
    </message>
    <message>
        <source>card batch</source>
        <translation>lote de tarjetas</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>operador</translation>
    </message>
    <message>
        <source>DID</source>
        <translation>DID</translation>
    </message>
    <message>
        <source>job</source>
        <translation>tarea</translation>
    </message>
    <message>
        <source>package</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>precio</translation>
    </message>
    <message>
        <source>recurring fee</source>
        <translation>cuota periódica</translation>
    </message>
    <message>
        <source>route</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>speed dial</source>
        <translation>marcación rápida</translation>
    </message>
    <message>
        <source>tax profile</source>
        <translation>perfil de impuestos</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>cupón</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptada</translation>
    </message>
    <message>
        <source>unknown account</source>
        <translation>cuenta desconocida</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>PIN incorrecto</translation>
    </message>
    <message>
        <source>account in use</source>
        <translation>cuenta en uso</translation>
    </message>
    <message>
        <source>no balance left</source>
        <translation>sin saldo</translation>
    </message>
    <message>
        <source>account expired</source>
        <translation>cuenta caducada</translation>
    </message>
    <message>
        <source>credit limit reached</source>
        <translation>límite de crédito alcanzado</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>service unavailable</source>
        <translation>servicio no disponible</translation>
    </message>
    <message>
        <source>the number is blocked</source>
        <translation>el número está bloqueado</translation>
    </message>
    <message>
        <source>too many tries</source>
        <translation>demasiados intentos</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>número no válido</translation>
    </message>
    <message>
        <source>not enough balance</source>
        <translation>saldo insuficiente</translation>
    </message>
    <message>
        <source>toll-free number</source>
        <translation>número gratuito</translation>
    </message>
    <message>
        <source>invalid card</source>
        <translation>tarjeta no válida</translation>
    </message>
    <message>
        <source>refused (code {code})</source>
        <translation>rechazada (código {code})</translation>
    </message>
    <message>
        <source>marked down after failed calls, until {time}</source>
        <translation>marcado como caído tras llamadas fallidas, hasta {time}</translation>
    </message>
    <message>
        <source>marked down after failed calls</source>
        <translation>marcado como caído tras llamadas fallidas</translation>
    </message>
    <message>
        <source>refused by billing: {reason}</source>
        <translation>rechazada por la facturación: {reason}</translation>
    </message>
    <message>
        <source>choose a dial plan</source>
        <translation>elija un plan de marcación</translation>
    </message>
    <message>
        <source>choose its layout</source>
        <translation>elija su formato</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>no es un número</translation>
    </message>
    <message>
        <source>is not a date and time; write it like 2026-01-01 08:00</source>
        <translation>no es una fecha y hora; escríbala como 2026-01-01 08:00</translation>
    </message>
    <message>
        <source>must be yes or no</source>
        <translation>debe ser sí o no</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>may have at most {max_length} characters</source>
        <translation>admite como mucho {max_length} caracteres</translation>
    </message>
    <message>
        <source>has characters that do not belong here</source>
        <translation>tiene caracteres que no corresponden aquí</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>must be more than {gt}</source>
        <translation>debe ser mayor que {gt}</translation>
    </message>
    <message>
        <source>must be at least {ge}</source>
        <translation>debe ser al menos {ge}</translation>
    </message>
    <message>
        <source>must be less than {lt}</source>
        <translation>debe ser menor que {lt}</translation>
    </message>
    <message>
        <source>must be at most {le}</source>
        <translation>debe ser como mucho {le}</translation>
    </message>
    <message>
        <source>may have at most {decimal_places} digits after the point</source>
        <translation>admite como mucho {decimal_places} decimales</translation>
    </message>
    <message>
        <source>has too many digits</source>
        <translation>tiene demasiadas cifras</translation>
    </message>
    <message>
        <source>has too many digits before the point</source>
        <translation>tiene demasiadas cifras enteras</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>must be one of: {expected}</source>
        <translation>debe ser uno de: {expected}</translation>
    </message>
    <message>
        <source>needs at least {min_length} entries</source>
        <translation>necesita al menos {min_length} elementos</translation>
    </message>
    <message>
        <source>may have at most {max_length} entries</source>
        <translation>admite como mucho {max_length} elementos</translation>
    </message>
    <message>
        <source>is not expected here</source>
        <translation>no se espera aquí</translation>
    </message>
    <message>
        <source>is not valid JSON</source>
        <translation>no es JSON válido</translation>
    </message>
    <message>
        <source>needs at least {min_length} characters</source>
        <translation>necesita al menos {min_length} caracteres</translation>
    </message>
    <message>
        <source>{what} {key} does not exist</source>
        <translation>{what} {key} no existe</translation>
    </message>
    <message>
        <source>account {account} has no dial plan: choose a dial plan</source>
        <translation>la cuenta {account} no tiene plan de marcación: elija un plan de marcación</translation>
    </message>
    <message>
        <source>choose a dial plan, or an account whose dial plan is used</source>
        <translation>elija un plan de marcación, o una cuenta cuyo plan se use</translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <translation>usuario o contraseña incorrectos</translation>
    </message>
    <message>
        <source>your sign-in has ended: sign in again</source>
        <translation>su sesión ha terminado: inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>your role may not do this</source>
        <translation>su rol no permite hacer esto</translation>
    </message>
    <message>
        <source>a {what} named “{name}” already exists</source>
        <translation>ya existe {what} con el nombre «{name}»</translation>
    </message>
    <message>
        <source>number {number} is already in use</source>
        <translation>el número {number} ya está en uso</translation>
    </message>
    <message>
        <source>this service is already set up: sign in instead</source>
        <translation>este servicio ya está configurado: inicie sesión</translation>
    </message>
    <message>
        <source>{user} is the last active administrator: make another user an administrator first</source>
        <translation>{user} es el último administrador activo: haga antes administrador a otro usuario</translation>
    </message>
    <message>
        <source>No Carrierdesk service answers at {url}</source>
        <translation>Ningún servicio Carrierdesk responde en {url}</translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <source>e.g. +44 7700 900123</source>
        <translation>p. ej. +44 7700 900123</translation>
    </message>
    <message>
        <source>optional: its tariff gives the sell rate</source>
        <translation>opcional: su tarifa da el precio de venta</translation>
    </message>
    <message>
        <source>The account&apos;s dial plan</source>
        <translation>El plan de marcación de la cuenta</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar</translation>
    </message>
    <message>
        <source>Number dialled</source>
        <translation>Número marcado</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Número de cuenta</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de marcación</translation>
    </message>
    <message>
        <source>Type a number and press Explain to see the route the switch would take and the carriers in the order it would try them.</source>
        <translation>Escriba un número y pulse Explicar para ver la ruta que tomaría el conmutador y los operadores en el orden en que los probaría.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation>Por qué se saltó</translation>
    </message>
    <message>
        <source>Buy rate</source>
        <translation>Precio de compra</translation>
    </message>
    <message>
        <source>Sell rate</source>
        <translation>Precio de venta</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>Margen %</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Pasarela</translation>
    </message>
    <message>
        <source>Number sent</source>
        <translation>Número enviado</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Consultando al servicio…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Number {number} on dial plan {plan}: {outcome}.</source>
        <translation>Número {number} en el plan de marcación {plan}: {outcome}.</translation>
    </message>
    <message>
        <source>Route {prefix}</source>
        <translation>Ruta {prefix}</translation>
    </message>
    <message>
        <source>strategy {strategy}</source>
        <translation>estrategia {strategy}</translation>
    </message>
    <message>
        <source>sell rate {rate} per minute</source>
        <translation>precio de venta {rate} por minuto</translation>
    </message>
    <message>
        <source>account {number} ({name})</source>
        <translation>cuenta {number} ({name})</translation>
    </message>
    <message>
        <source>tried</source>
        <translation>se prueba</translation>
    </message>
    <message>
        <source>tried first (pinned)</source>
        <translation>se prueba primero (fijado)</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>saltado</translation>
    </message>
</context>
<context>
    <name>ExportCardsDialog</name>
    <message>
        <source>Export batch {name} for printing</source>
        <translation>Exportar el lote {name} para imprimir</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Guardar archivo</translation>
    </message>
    <message>
        <source>This file holds the live PINs of all {count} cards of batch {name}, in clear. Anyone who reads it can spend the cards&apos; credit. Save it where only you can read it (it is written readable by you alone), and delete it once the cards are printed. The export is recorded in the audit log.</source>
        <translation>Este archivo contiene en claro los PIN válidos de las {count} tarjetas del lote {name}. Quien lo lea puede gastar el saldo de las tarjetas. Guárdelo donde solo usted pueda leerlo (se escribe legible solo para usted) y bórrelo cuando las tarjetas estén impresas. La exportación queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Save the cards of batch {name}</source>
        <translation>Guardar las tarjetas del lote {name}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose the file to save the cards in.</source>
        <translation>Elija el archivo donde guardar las tarjetas.</translation>
    </message>
    <message>
        <source>Exporting the cards…</source>
        <translation>Exportando las tarjetas…</translation>
    </message>
</context>
<context>
    <name>FeeDialog</name>
    <message>
        <source>New recurring fee</source>
        <translation>Nueva cuota periódica</translation>
    </message>
    <message>
        <source>Fee {name}</source>
        <translation>Cuota {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>e.g. Maintenance, DID rent</source>
        <translation>p. ej. Mantenimiento, alquiler de DID</translation>
    </message>
    <message>
        <source>per period, in the account&apos;s currency</source>
        <translation>por periodo, en la moneda de la cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Later occurrences keep its weekday or day of month and time, in the account&apos;s time zone</source>
        <translation>Los cobros siguientes conservan su día de la semana o del mes y su hora, en la zona horaria de la cuenta</translation>
    </message>
    <message>
        <source>account number; empty: every active account</source>
        <translation>número de cuenta; vacío: todas las cuentas activas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>First due (UTC)</source>
        <translation>Primer cobro (UTC)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Se cobra</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Adding the fee…</source>
        <translation>Añadiendo la cuota…</translation>
    </message>
</context>
<context>
    <name>FeesModel</name>
    <message>
        <source>every active account</source>
        <translation>todas las cuentas activas</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cuota</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Next due (UTC)</source>
        <translation>Próximo cobro (UTC)</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Se cobra</translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <source>New fee…</source>
        <translation>Nueva cuota…</translation>
    </message>
    <message>
        <source>Charge due fees now</source>
        <translation>Cobrar ahora las cuotas vencidas</translation>
    </message>
    <message>
        <source>The service also charges them by itself every minute</source>
        <translation>El servicio también las cobra por sí solo cada minuto</translation>
    </message>
    <message numerus="yes">
        <source>%n fee(s)</source>
        <translation>
            <numerusform>%n cuota</numerusform>
            <numerusform>%n cuotas</numerusform>
        </translation>
    </message>
    <message>
        <source>No recurring fees yet: add a maintenance or DID-rent fee with New fee.</source>
        <translation>Aún no hay cuotas periódicas: añada una cuota de mantenimiento o de alquiler de DID con Nueva cuota.</translation>
    </message>
    <message>
        <source>Fee {name} saved; next due {due} UTC.</source>
        <translation>Cuota {name} guardada; próximo cobro {due} UTC.</translation>
    </message>
    <message>
        <source>Charging the fees that are due…</source>
        <translation>Cobrando las cuotas vencidas…</translation>
    </message>
    <message numerus="yes">
        <source>%n charge(s) made.</source>
        <translation>
            <numerusform>%n cobro realizado.</numerusform>
            <numerusform>%n cobros realizados.</numerusform>
        </translation>
    </message>
    <message>
        <source>No fee was due.</source>
        <translation>Ninguna cuota estaba vencida.</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} no es un número entero</translation>
    </message>
    <message>
        <source>{text} is not a number of minutes (whole seconds, e.g. 100 or 1.5)</source>
        <translation>{text} no es un número de minutos (segundos enteros, p. ej. 100 o 1.5)</translation>
    </message>
    <message>
        <source>{text} is not a date and time; write it like 2026-01-01 08:00</source>
        <translation>{text} no es una fecha y hora; escríbala como 2026-01-01 08:00</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Carrierdesk</source>
        <translation>Configurar Carrierdesk</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} no es un número entero</translation>
    </message>
</context>
<context>
    <name>GatewaysTable</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activa</translation>
    </message>
</context>
<context>
    <name>GenerateBatchDialog</name>
    <message>
        <source>Generate a card batch</source>
        <translation>Generar un lote de tarjetas</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>e.g. Shop cards 10 EUR, May</source>
        <translation>p. ej. Tarjetas tienda 10 EUR, mayo</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válidas hasta</translation>
    </message>
    <message>
        <source>Expire after first use, in days</source>
        <translation>Caducan tras el primer uso, en días</translation>
    </message>
    <message>
        <source>who distributes the printed cards (optional)</source>
        <translation>quién distribuye las tarjetas impresas (opcional)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>Valor nominal</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distribuidor</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendedor</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarifa</translation>
    </message>
    <message>
        <source>Cancel generation</source>
        <translation>Cancelar la generación</translation>
    </message>
    <message>
        <source>None: the company&apos;s default</source>
        <translation>Ninguna: la predeterminada de la empresa</translation>
    </message>
    <message>
        <source>Starting the batch…</source>
        <translation>Iniciando el lote…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Waiting for the service…</source>
        <translation>Esperando al servicio…</translation>
    </message>
    <message>
        <source>Cancelled: no cards were made.</source>
        <translation>Cancelado: no se creó ninguna tarjeta.</translation>
    </message>
    <message>
        <source>The service stopped answering about the batch: {message}. Refresh the list to see whether it was made.</source>
        <translation>El servicio dejó de responder sobre el lote: {message}. Actualice la lista para ver si se creó.</translation>
    </message>
</context>
<context>
    <name>IvrPage</name>
    <message>
        <source>IVR prompts</source>
        <translation>Locuciones del IVR</translation>
    </message>
    <message>
        <source>The recordings callers hear, by language. Replace a prompt with your own WAV or MP3 recording (converted to 8 kHz mono, at most 2 minutes); Restore default brings the product&apos;s recording back. The next call hears the change.</source>
        <translation>Las grabaciones que oyen quienes llaman, por idioma. Sustituya una locución por su propia grabación WAV o MP3 (convertida a 8 kHz mono, 2 minutos como máximo); Restaurar el original recupera la grabación del producto. La próxima llamada oye el cambio.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Locución</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>Qué dice</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Reproducir</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>S&amp;ustituir…</translation>
    </message>
    <message>
        <source>Restore &amp;default</source>
        <translation>Restaurar el &amp;original</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n sustituida</numerusform>
            <numerusform>%n sustituidas</numerusform>
        </translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>sustituida</translation>
    </message>
    <message>
        <source>product&apos;s</source>
        <translation>del producto</translation>
    </message>
    <message>
        <source>What the product&apos;s recording says; your recording plays instead</source>
        <translation>Lo que dice la grabación del producto; en su lugar suena la suya</translation>
    </message>
    <message>
        <source>{name} cannot be played here: {reason}</source>
        <translation>{name} no se puede reproducir aquí: {reason}</translation>
    </message>
    <message>
        <source>Playing {name} ({seconds:.1f} s)…</source>
        <translation>Reproduciendo {name} ({seconds:.1f} s)…</translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation>Elegir una grabación</translation>
    </message>
    <message>
        <source>Recordings (*.wav *.mp3);;All files (*)</source>
        <translation>Grabaciones (*.wav *.mp3);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>No se puede leer {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} was not taken: {reason}</source>
        <translation>{file} no se aceptó: {reason}</translation>
    </message>
    <message>
        <source>Sending the recording…</source>
        <translation>Enviando la grabación…</translation>
    </message>
    <message>
        <source>{name} replaced by your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono); the next call hears it.</source>
        <translation>{name} sustituida por su grabación {kind} ({seconds:.1f} s, convertida a 8 kHz mono); la próxima llamada la oye.</translation>
    </message>
    <message>
        <source>Restoring the product&apos;s recording…</source>
        <translation>Restaurando la grabación del producto…</translation>
    </message>
    <message>
        <source>{name}: the product&apos;s recording plays again from the next call.</source>
        <translation>{name}: la grabación del producto vuelve a sonar desde la próxima llamada.</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <source>Calls now</source>
        <translation>Llamadas ahora</translation>
    </message>
    <message>
        <source>ASR today</source>
        <translation>ASR hoy</translation>
    </message>
    <message>
        <source>ACD today</source>
        <translation>ACD hoy</translation>
    </message>
    <message>
        <source>Minutes today</source>
        <translation>Minutos hoy</translation>
    </message>
    <message>
        <source>Revenue today</source>
        <translation>Ingresos hoy</translation>
    </message>
    <message>
        <source>Profit today</source>
        <translation>Beneficio hoy</translation>
    </message>
    <message>
        <source>Low-balance accounts</source>
        <translation>Cuentas con saldo bajo</translation>
    </message>
    <message>
        <source>Carriers down</source>
        <translation>Operadores caídos</translation>
    </message>
    <message>
        <source>{answered} of {calls} calls answered</source>
        <translation>{answered} de {calls} llamadas contestadas</translation>
    </message>
    <message>
        <source>average talk time of today&apos;s answered calls</source>
        <translation>duración media de las llamadas contestadas hoy</translation>
    </message>
    <message>
        <source>active prepaid customer accounts with less than {amount}</source>
        <translation>cuentas de clientes prepago activas con menos de {amount}</translation>
    </message>
    <message>
        <source>{down} of {carriers}</source>
        <translation>{down} de {carriers}</translation>
    </message>
    <message>
        <source>carriers with no gateway answering the switch&apos;s keep-alive</source>
        <translation>operadores sin ninguna pasarela que responda al keep-alive del switch</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Idioma del sistema ({language})</translation>
    </message>
    <message>
        <source>A new language applies after a restart</source>
        <translation>El nuevo idioma se aplica tras reiniciar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Carrierdesk will speak {language} from its next start. Restart it to switch now.</source>
        <translation>Carrierdesk usará {language} a partir del próximo inicio. Reinícielo para cambiar ahora.</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
</context>
<context>
    <name>Listing</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Could not load the list: {message}</source>
        <translation>No se pudo cargar la lista: {message}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>LiveCalls</name>
    <message>
        <source>In the IVR: {stage}</source>
        <translation>En el IVR: {stage}</translation>
    </message>
    <message>
        <source>Setting up</source>
        <translation>Estableciendo</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Sonando</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>En conversación</translation>
    </message>
    <message>
        <source>Trying next carrier</source>
        <translation>Probando el siguiente operador</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>contestando</translation>
    </message>
    <message>
        <source>language menu</source>
        <translation>menú de idioma</translation>
    </message>
    <message>
        <source>checking the caller</source>
        <translation>comprobando al llamante</translation>
    </message>
    <message>
        <source>PIN entry</source>
        <translation>introduciendo el PIN</translation>
    </message>
    <message>
        <source>checking the PIN</source>
        <translation>comprobando el PIN</translation>
    </message>
    <message>
        <source>phone registration offer</source>
        <translation>oferta de registrar el teléfono</translation>
    </message>
    <message>
        <source>registering the phone</source>
        <translation>registrando el teléfono</translation>
    </message>
    <message>
        <source>voucher entry</source>
        <translation>introduciendo el cupón</translation>
    </message>
    <message>
        <source>checking the voucher</source>
        <translation>comprobando el cupón</translation>
    </message>
    <message>
        <source>other card&apos;s PIN entry</source>
        <translation>introduciendo el PIN de la otra tarjeta</translation>
    </message>
    <message>
        <source>moving the other card&apos;s balance</source>
        <translation>pasando el saldo de la otra tarjeta</translation>
    </message>
    <message>
        <source>agent PIN entry</source>
        <translation>PIN de agente</translation>
    </message>
    <message>
        <source>checking the agent PIN</source>
        <translation>comprobando el PIN de agente</translation>
    </message>
    <message>
        <source>agent: customer&apos;s number entry</source>
        <translation>agente: número del cliente</translation>
    </message>
    <message>
        <source>agent: amount entry</source>
        <translation>agente: importe</translation>
    </message>
    <message>
        <source>agent: recharging a customer</source>
        <translation>agente: recargando a un cliente</translation>
    </message>
    <message>
        <source>destination entry</source>
        <translation>marcando el destino</translation>
    </message>
    <message>
        <source>checking the destination</source>
        <translation>comprobando el destino</translation>
    </message>
    <message>
        <source>hearing the minutes</source>
        <translation>escuchando los minutos</translation>
    </message>
    <message>
        <source>hearing a last message</source>
        <translation>escuchando un último mensaje</translation>
    </message>
</context>
<context>
    <name>LiveCallsModel</name>
    <message>
        <source>Caller</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>Nombre del destino</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation>Tarifa/min</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Tiempo hablado</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Códec</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
</context>
<context>
    <name>LiveCallsPage</name>
    <message>
        <source>Live calls</source>
        <translation>Llamadas en curso</translation>
    </message>
    <message>
        <source>Hang up…</source>
        <translation>Colgar…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not load the live calls: {message}</source>
        <translation>No se pudieron cargar las llamadas en curso: {message}</translation>
    </message>
    <message>
        <source>Hang up the caller {caller} in the IVR of {number}? The caller is cut off now.</source>
        <translation>¿Colgar al llamante {caller} en el IVR de {number}? El llamante queda cortado ahora.</translation>
    </message>
    <message>
        <source>Hang up the call from {caller} to {destination}? Both sides are cut off now.</source>
        <translation>¿Colgar la llamada de {caller} a {destination}? Ambas partes se cortan ahora.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Colgar</translation>
    </message>
    <message>
        <source>Node {node} carries the call from {caller} to {destination} and was asked to hang it up; it ends within a second or two.</source>
        <translation>El nodo {node} lleva la llamada de {caller} a {destination} y se le pidió colgarla; termina en uno o dos segundos.</translation>
    </message>
    <message>
        <source>The call was not hung up: {message}</source>
        <translation>La llamada no se colgó: {message}</translation>
    </message>
    <message numerus="yes">
        <source>%n caller(s) in the IVR</source>
        <translation>
            <numerusform>%n llamante en el IVR</numerusform>
            <numerusform>%n llamantes en el IVR</numerusform>
        </translation>
    </message>
    <message>
        <source>Hanging up…</source>
        <translation>Colgando…</translation>
    </message>
    <message>
        <source>The call from {caller} to {destination} was hung up.</source>
        <translation>Se colgó la llamada de {caller} a {destination}.</translation>
    </message>
    <message>
        <source>The call from {caller} to {destination} had already ended.</source>
        <translation>La llamada de {caller} a {destination} ya había terminado.</translation>
    </message>
    <message>
        <source>Live: updates as calls start and end</source>
        <translation>En directo: se actualiza cuando las llamadas empiezan y terminan</translation>
    </message>
    <message>
        <source>Not live ({reason}); trying again</source>
        <translation>Sin directo ({reason}); reintentando</translation>
    </message>
    <message>
        <source>Not live</source>
        <translation>Sin directo</translation>
    </message>
    <message>
        <source>No calls in progress. Calls appear here as they start.</source>
        <translation>No hay llamadas en curso. Las llamadas aparecen aquí al empezar.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress</source>
        <translation>
            <numerusform>%n llamada en curso</numerusform>
            <numerusform>%n llamadas en curso</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveStream</name>
    <message>
        <source>The service ended the live stream</source>
        <translation>El servicio cerró el flujo en directo</translation>
    </message>
</context>
<context>
    <name>LogoDialog</name>
    <message>
        <source>Logo of {name}</source>
        <translation>Logotipo de {name}</translation>
    </message>
    <message>
        <source>Printed on its customers&apos; statements and invoices and on its own statement. PNG or JPEG, up to 512 KiB and 2000 pixels a side.</source>
        <translation>Se imprime en los extractos y facturas de sus clientes y en su propio extracto. PNG o JPEG, hasta 512 KiB y 2000 píxeles por lado.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>No logo: its documents carry its brand name alone.</source>
        <translation>Sin logotipo: sus documentos llevan solo su nombre comercial.</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Elegir un logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>No se puede leer {file}: {reason}</translation>
    </message>
    <message>
        <source>Sending the logo…</source>
        <translation>Enviando el logotipo…</translation>
    </message>
    <message>
        <source>Logo stored: {kind}, {width} × {height} pixels, {size} bytes.</source>
        <translation>Logotipo guardado: {kind}, {width} × {height} píxeles, {size} bytes.</translation>
    </message>
    <message>
        <source>Removing the logo…</source>
        <translation>Quitando el logotipo…</translation>
    </message>
    <message>
        <source>Logo removed.</source>
        <translation>Logotipo quitado.</translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <source>Serial</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>Valor nominal</translation>
    </message>
    <message>
        <source>Balance left</source>
        <translation>Saldo restante</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distribuidor</translation>
    </message>
    <message>
        <source>First used (UTC)</source>
        <translation>Primer uso (UTC)</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Caduca (UTC)</translation>
    </message>
    <message>
        <source>Find by</source>
        <translation>Buscar por</translation>
    </message>
    <message>
        <source>the PIN under the card&apos;s scratch strip</source>
        <translation>el PIN bajo la banda para rascar</translation>
    </message>
    <message>
        <source>the serial printed on the card</source>
        <translation>el número de serie impreso en la tarjeta</translation>
    </message>
    <message>
        <source>Looking the card up…</source>
        <translation>Buscando la tarjeta…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Llamadas en curso</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>DIDs</source>
        <translation>DID</translation>
    </message>
    <message>
        <source>IVR</source>
        <translation>IVR</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarifas</translation>
    </message>
    <message>
        <source>Carriers and routing</source>
        <translation>Operadores y rutas</translation>
    </message>
    <message>
        <source>Resellers</source>
        <translation>Revendedores</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Secrets are in a file, not a system keyring</source>
        <translation>Los secretos están en un archivo, no en un llavero del sistema</translation>
    </message>
    <message>
        <source>The service found no system keyring on its machine, so its secrets are kept in a file readable only by its user. Install a keyring (e.g. Secret Service) to store them securely.</source>
        <translation>El servicio no encontró ningún llavero del sistema en su máquina, así que sus secretos se guardan en un archivo que solo puede leer su usuario. Instale un llavero (p. ej., Secret Service) para guardarlos de forma segura.</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Cambiar de usuario…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>About Carrierdesk</source>
        <translation>Acerca de Carrierdesk</translation>
    </message>
    <message>
        <source>Signed in as {user} ({role})</source>
        <translation>Sesión iniciada como {user} ({role})</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
</context>
<context>
    <name>NasClientDialog</name>
    <message>
        <source>New RADIUS client</source>
        <translation>Nuevo cliente RADIUS</translation>
    </message>
    <message>
        <source>RADIUS client {name}</source>
        <translation>Cliente RADIUS {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>192.0.2.7, or a network: 192.0.2.0/28</source>
        <translation>192.0.2.7, o una red: 192.0.2.0/28</translation>
    </message>
    <message>
        <source>stored; type a new one to replace it</source>
        <translation>guardado; escriba uno nuevo para sustituirlo</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>al menos {count} caracteres</translation>
    </message>
    <message>
        <source>Require a Message-Authenticator (switch off only for a gateway that cannot send one)</source>
        <translation>Exigir Message-Authenticator (desactívelo solo para una pasarela que no pueda enviarlo)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address or network</source>
        <translation>Dirección o red</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Secreto compartido</translation>
    </message>
    <message>
        <source>Adding the RADIUS client…</source>
        <translation>Añadiendo el cliente RADIUS…</translation>
    </message>
    <message>
        <source>Saving the RADIUS client…</source>
        <translation>Guardando el cliente RADIUS…</translation>
    </message>
</context>
<context>
    <name>NasClientsTab</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address or network</source>
        <translation>Dirección o red</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Message-Authenticator</source>
        <translation>Message-Authenticator</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Add RADIUS client…</source>
        <translation>Añadir cliente RADIUS…</translation>
    </message>
    <message>
        <source>RADIUS client {name} saved; the RADIUS server serves the change within {seconds} s.</source>
        <translation>Cliente RADIUS {name} guardado; el servidor RADIUS aplica el cambio en {seconds} s como máximo.</translation>
    </message>
    <message>
        <source>Delete RADIUS client</source>
        <translation>Eliminar cliente RADIUS</translation>
    </message>
    <message>
        <source>Delete RADIUS client {name} ({address})? Its requests are dropped from then on.</source>
        <translation>¿Eliminar el cliente RADIUS {name} ({address})? A partir de entonces se descartan sus solicitudes.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleting the RADIUS client…</source>
        <translation>Eliminando el cliente RADIUS…</translation>
    </message>
    <message>
        <source>RADIUS client {name} deleted.</source>
        <translation>Cliente RADIUS {name} eliminado.</translation>
    </message>
    <message numerus="yes">
        <source>%n RADIUS client(s)</source>
        <translation>
            <numerusform>%n cliente RADIUS</numerusform>
            <numerusform>%n clientes RADIUS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n RADIUS client(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n cliente RADIUS mostrado; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n clientes RADIUS mostrados; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No RADIUS clients: only the switch itself may send RADIUS requests. Add a third-party gateway with “Add RADIUS client…”.</source>
        <translation>Sin clientes RADIUS: solo el propio switch puede enviar solicitudes RADIUS. Añada una pasarela de terceros con “Añadir cliente RADIUS…”.</translation>
    </message>
</context>
<context>
    <name>NewResellerDialog</name>
    <message>
        <source>New sub-reseller</source>
        <translation>Nuevo subrevendedor</translation>
    </message>
    <message>
        <source>New reseller</source>
        <translation>Nuevo revendedor</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>company currency</source>
        <translation>moneda de la empresa</translation>
    </message>
    <message>
        <source>shown to its customers (white label)</source>
        <translation>visible para sus clientes (marca blanca)</translation>
    </message>
    <message>
        <source>Under</source>
        <translation>Debajo de</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(nivel superior)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Límite de crédito</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>Nombre de marca</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Creating the reseller…</source>
        <translation>Creando el revendedor…</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Adding the user…</source>
        <translation>Añadiendo el usuario…</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>New package</source>
        <translation>Nuevo paquete</translation>
    </message>
    <message>
        <source>Package {name}</source>
        <translation>Paquete {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Free minutes per period</source>
        <translation>Minutos gratis por periodo</translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation>Prefijos</translation>
    </message>
    <message>
        <source>The destinations the free seconds are for: E.164 digits the numbers start with, separated by commas or spaces</source>
        <translation>Los destinos de los segundos gratis: dígitos E.164 con los que empiezan los números, separados por comas o espacios</translation>
    </message>
    <message>
        <source>e.g. 44, 33, 4930</source>
        <translation>p. ej. 44, 33, 4930</translation>
    </message>
    <message>
        <source>Fee per period</source>
        <translation>Cuota por periodo</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>(no longer listed; refresh)</source>
        <translation>(ya no aparece; actualice)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Restablecer la contraseña</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>The user is signed out everywhere and signs in with the new password.</source>
        <translation>Se cierran todas las sesiones del usuario, que entra con la contraseña nueva.</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Estableciendo la contraseña…</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for {number}</source>
        <translation>Pago para {number}</translation>
    </message>
    <message>
        <source>Enter payment</source>
        <translation>Registrar pago</translation>
    </message>
    <message>
        <source>card slip, transfer id… (optional)</source>
        <translation>comprobante de tarjeta, id. de transferencia… (opcional)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Entering the payment…</source>
        <translation>Registrando el pago…</translation>
    </message>
    <message>
        <source>The service did not answer in time, so the payment may have been entered. Press “Enter payment” again: it is never entered twice.</source>
        <translation>El servicio no respondió a tiempo, así que el pago puede haberse registrado. Pulse «Registrar pago» otra vez: nunca se registra dos veces.</translation>
    </message>
    <message>
        <source>A payment with other values was already entered from this dialog; check the account&apos;s payments before entering another.</source>
        <translation>Desde este diálogo ya se registró un pago con otros valores; revise los pagos de la cuenta antes de registrar otro.</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>Top-up</source>
        <translation>Recarga</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Vale</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Transferencia bancaria</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>{text} is not an amount; write it like 10.50</source>
        <translation>{text} no es un importe; escríbalo así: 10.50</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>Sell</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>Raise the prices of {tariff}</source>
        <translation>Subir los precios de {tariff}</translation>
    </message>
    <message>
        <source>Raise</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>e.g. 5, or -2.5 to lower</source>
        <translation>p. ej. 5, o -2.5 para bajar</translation>
    </message>
    <message>
        <source>no rounding up (6 decimal places)</source>
        <translation>sin redondeo hacia arriba (6 decimales)</translation>
    </message>
    <message>
        <source>Also the connect and disconnect fees and the minimum cost</source>
        <translation>También los cargos de conexión y desconexión y el coste mínimo</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>Cambio (%)</translation>
    </message>
    <message>
        <source>Round up to</source>
        <translation>Redondear hacia arriba a</translation>
    </message>
    <message>
        <source>Starting the repricing…</source>
        <translation>Iniciando el cambio de precios…</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>New rate in {tariff}</source>
        <translation>Nueva tarifa en {tariff}</translation>
    </message>
    <message>
        <source>Rate {prefix} in {tariff}</source>
        <translation>Tarifa {prefix} en {tariff}</translation>
    </message>
    <message>
        <source>to calls shorter than the threshold</source>
        <translation>a las llamadas más cortas que el umbral</translation>
    </message>
    <message>
        <source>to calls of at least the threshold</source>
        <translation>a las llamadas de al menos el umbral</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tarifa</translation>
    </message>
    <message>
        <source>Fees and rounding</source>
        <translation>Cargos y redondeo</translation>
    </message>
    <message>
        <source>Steps and bands</source>
        <translation>Escalones y franjas</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>E.164 digits the numbers start with</source>
        <translation>Dígitos E.164 con los que empiezan los números</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Price per minute</source>
        <translation>Precio por minuto</translation>
    </message>
    <message>
        <source>First block (s)</source>
        <translation>Primer bloque (s)</translation>
    </message>
    <message>
        <source>Increment (s)</source>
        <translation>Incremento (s)</translation>
    </message>
    <message>
        <source>Valid from (UTC)</source>
        <translation>Válida desde (UTC)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>Valid until (UTC)</source>
        <translation>Válida hasta (UTC)</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sin fin</translation>
    </message>
    <message>
        <source>Connect fee</source>
        <translation>Cargo de conexión</translation>
    </message>
    <message>
        <source>Disconnect fee</source>
        <translation>Cargo de desconexión</translation>
    </message>
    <message>
        <source>Disconnect fee threshold (s)</source>
        <translation>Umbral del cargo de desconexión (s)</translation>
    </message>
    <message>
        <source>0: the disconnect fee always applies; else the rule below says which calls pay it</source>
        <translation>0: el cargo de desconexión se aplica siempre; si no, la regla de abajo indica qué llamadas lo pagan</translation>
    </message>
    <message>
        <source>Disconnect fee applies</source>
        <translation>El cargo de desconexión se aplica</translation>
    </message>
    <message>
        <source>Shorter than the threshold: discourages short calls. At least the threshold (A2Billing&apos;s rule): short, failed-looking calls are spared the fee.</source>
        <translation>Más cortas que el umbral: desalienta las llamadas cortas. Al menos el umbral (regla de A2Billing): las llamadas cortas, que parecen fallidas, no pagan el cargo.</translation>
    </message>
    <message>
        <source>Disconnect fee (%)</source>
        <translation>Cargo de desconexión (%)</translation>
    </message>
    <message>
        <source>Minimum duration (s)</source>
        <translation>Duración mínima (s)</translation>
    </message>
    <message>
        <source>Minimum cost</source>
        <translation>Coste mínimo</translation>
    </message>
    <message>
        <source>Grace time (s)</source>
        <translation>Tiempo de gracia (s)</translation>
    </message>
    <message>
        <source>Minute shrinking (%)</source>
        <translation>Reducción de minutos (%)</translation>
    </message>
    <message>
        <source>Step {n} after (s)</source>
        <translation>Escalón {n} tras (s)</translation>
    </message>
    <message>
        <source>Step {n} price</source>
        <translation>Precio del escalón {n}</translation>
    </message>
    <message>
        <source>Off-peak price</source>
        <translation>Precio fuera de punta</translation>
    </message>
    <message>
        <source>Weekend price</source>
        <translation>Precio de fin de semana</translation>
    </message>
    <message>
        <source>Holiday price</source>
        <translation>Precio de festivo</translation>
    </message>
</context>
<context>
    <name>RateImport</name>
    <message>
        <source>Recognise from the header</source>
        <translation>Reconocer por la cabecera</translation>
    </message>
    <message>
        <source>Carrierdesk (native)</source>
        <translation>Carrierdesk (nativo)</translation>
    </message>
    <message>
        <source>A2Billing</source>
        <translation>A2Billing</translation>
    </message>
    <message>
        <source>ASTPP</source>
        <translation>ASTPP</translation>
    </message>
    <message>
        <source>MagnusBilling</source>
        <translation>MagnusBilling</translation>
    </message>
    <message>
        <source>{column} (required)</source>
        <translation>{column} (obligatoria)</translation>
    </message>
</context>
<context>
    <name>RateImportDialog</name>
    <message>
        <source>Import rates into {tariff}</source>
        <translation>Importar tarifas en {tariff}</translation>
    </message>
    <message>
        <source>a CSV rate deck</source>
        <translation>una lista de tarifas CSV</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Save a template…</source>
        <translation>Guardar una plantilla…</translation>
    </message>
    <message>
        <source>A deck of the native layout with every column and one example row</source>
        <translation>Un archivo de precios en el formato propio con todas las columnas y una fila de ejemplo</translation>
    </message>
    <message>
        <source>When the new rates take effect, in UTC. Rows of the deck that name their own start keep it; earlier rates of the same prefixes end then.</source>
        <translation>Cuándo entran en vigor las nuevas tarifas, en UTC. Las filas de la lista que indican su propio inicio lo conservan; las tarifas anteriores de los mismos prefijos terminan entonces.</translation>
    </message>
    <message>
        <source>Deck file</source>
        <translation>Archivo de tarifas</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Takes effect (UTC)</source>
        <translation>Entra en vigor (UTC)</translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation>Copiar la lista</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancelar la importación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Choose a rate deck</source>
        <translation>Elija una lista de tarifas</translation>
    </message>
    <message>
        <source>Rate decks (*.csv *.txt);;All files (*)</source>
        <translation>Listas de tarifas (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Carrierdesk cannot tell this file&apos;s layout from its first line: choose the layout below, or start from the template.</source>
        <translation>Carrierdesk no reconoce el formato de este archivo por su primera línea: elija el formato abajo o parta de la plantilla.</translation>
    </message>
    <message>
        <source>columns it does not know: {names}</source>
        <translation>columnas que no conoce: {names}</translation>
    </message>
    <message>
        <source>required columns missing: {names}</source>
        <translation>faltan columnas obligatorias: {names}</translation>
    </message>
    <message>
        <source>Recognised layout: {layout}.</source>
        <translation>Formato reconocido: {layout}.</translation>
    </message>
    <message>
        <source>Columns of the {layout} layout: {columns}.</source>
        <translation>Columnas del formato {layout}: {columns}.</translation>
    </message>
    <message>
        <source>Save a rate deck template</source>
        <translation>Guardar una plantilla de precios</translation>
    </message>
    <message>
        <source>Rate decks (*.csv)</source>
        <translation>Archivos de precios (*.csv)</translation>
    </message>
    <message>
        <source>Template saved to {path}: fill it in, then choose it above.</source>
        <translation>Plantilla guardada en {path}: rellénela y elíjala arriba.</translation>
    </message>
    <message>
        <source>The template was not saved: {message}</source>
        <translation>No se guardó la plantilla: {message}</translation>
    </message>
    <message>
        <source>Choose the deck file to import.</source>
        <translation>Elija el archivo de tarifas que importar.</translation>
    </message>
    <message>
        <source>Sending {file}…</source>
        <translation>Enviando {file}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Reading and checking the deck…</source>
        <translation>Leyendo y comprobando la lista…</translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation>%v de %m filas</translation>
    </message>
    <message>
        <source>Loading rates: {done} of {total}</source>
        <translation>Cargando tarifas: {done} de {total}</translation>
    </message>
    <message>
        <source>Imported {rows} rates from a deck of the {layout} layout; {closed} earlier rates now end where they start.</source>
        <translation>Importados {rows} precios de un archivo en formato {layout}; {closed} precios anteriores terminan ahora donde empiezan los nuevos.</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>Importación cancelada. No se importó nada.</translation>
    </message>
    <message>
        <source>Nothing was imported. {message}</source>
        <translation>No se importó nada. {message}</translation>
    </message>
    <message>
        <source>Lost track of the import: {message}</source>
        <translation>Se perdió el seguimiento de la importación: {message}</translation>
    </message>
</context>
<context>
    <name>RatesPage</name>
    <message>
        <source>Tariff</source>
        <translation>Tarifario</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarifas</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>Por minuto</translation>
    </message>
    <message>
        <source>Billing (s)</source>
        <translation>Facturación (s)</translation>
    </message>
    <message>
        <source>Connect fee</source>
        <translation>Cargo de conexión</translation>
    </message>
    <message>
        <source>Valid from (UTC)</source>
        <translation>Válida desde (UTC)</translation>
    </message>
    <message>
        <source>Valid until (UTC)</source>
        <translation>Válida hasta (UTC)</translation>
    </message>
    <message>
        <source>{name} {percent}% (in the price)</source>
        <translation>{name} {percent}% (incluido en el precio)</translation>
    </message>
    <message>
        <source>{name} {percent}%</source>
        <translation>{name} {percent}%</translation>
    </message>
    <message>
        <source>Tax profile</source>
        <translation>Perfil fiscal</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Free minutes</source>
        <translation>Minutos gratis</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cuota</translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation>Prefijos</translation>
    </message>
    <message>
        <source>Tariffs and rates</source>
        <translation>Tarifarios y tarifas</translation>
    </message>
    <message>
        <source>Tax profiles</source>
        <translation>Perfiles fiscales</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>Band schedules</source>
        <translation>Horarios de franjas</translation>
    </message>
    <message>
        <source>Recurring fees</source>
        <translation>Cuotas periódicas</translation>
    </message>
    <message numerus="yes">
        <source>%n tariff(s)</source>
        <translation>
            <numerusform>%n tarifario</numerusform>
            <numerusform>%n tarifarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tariff(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n tarifario mostrado; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n tarifarios mostrados; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No tariffs yet: add one with New tariff.</source>
        <translation>Aún no hay tarifarios: añada uno con Nuevo tarifario.</translation>
    </message>
    <message>
        <source>New tariff…</source>
        <translation>Nuevo tarifario…</translation>
    </message>
    <message>
        <source>Edit tariff…</source>
        <translation>Editar tarifario…</translation>
    </message>
    <message>
        <source>Delete tariff…</source>
        <translation>Eliminar tarifa…</translation>
    </message>
    <message>
        <source>Import deck…</source>
        <translation>Importar lista…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Blend from carriers…</source>
        <translation>Componer a partir de operadores…</translation>
    </message>
    <message>
        <source>Raise prices…</source>
        <translation>Subir precios…</translation>
    </message>
    <message>
        <source>Filter by prefix, e.g. 44</source>
        <translation>Filtrar por prefijo, p. ej. 44</translation>
    </message>
    <message>
        <source>New rate…</source>
        <translation>Nueva tarifa…</translation>
    </message>
    <message>
        <source>Edit rate…</source>
        <translation>Editar tarifa…</translation>
    </message>
    <message>
        <source>Delete rate…</source>
        <translation>Eliminar tarifa de prefijo…</translation>
    </message>
    <message numerus="yes">
        <source>%n rate(s)</source>
        <translation>
            <numerusform>%n tarifa</numerusform>
            <numerusform>%n tarifas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rate(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n tarifa mostrada; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n tarifas mostradas; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tax profile(s)</source>
        <translation>
            <numerusform>%n perfil fiscal</numerusform>
            <numerusform>%n perfiles fiscales</numerusform>
        </translation>
    </message>
    <message>
        <source>No tax profiles yet: add one with New tax profile.</source>
        <translation>Aún no hay perfiles fiscales: añada uno con Nuevo perfil fiscal.</translation>
    </message>
    <message>
        <source>New tax profile…</source>
        <translation>Nuevo perfil fiscal…</translation>
    </message>
    <message>
        <source>Edit tax profile…</source>
        <translation>Editar perfil fiscal…</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s)</source>
        <translation>
            <numerusform>%n paquete</numerusform>
            <numerusform>%n paquetes</numerusform>
        </translation>
    </message>
    <message>
        <source>No packages yet: add one with New package.</source>
        <translation>Aún no hay paquetes: añada uno con Nuevo paquete.</translation>
    </message>
    <message>
        <source>New package…</source>
        <translation>Nuevo paquete…</translation>
    </message>
    <message>
        <source>Edit package…</source>
        <translation>Editar paquete…</translation>
    </message>
    <message numerus="yes">
        <source>%n band schedule(s)</source>
        <translation>
            <numerusform>%n horario de franjas</numerusform>
            <numerusform>%n horarios de franjas</numerusform>
        </translation>
    </message>
    <message>
        <source>No band schedules yet: add one with New band schedule, then choose it in a tariff.</source>
        <translation>Todavía no hay horarios de franjas: añada uno con Nuevo horario de franjas y elíjalo en una tarifa.</translation>
    </message>
    <message>
        <source>New band schedule…</source>
        <translation>Nuevo horario de franjas…</translation>
    </message>
    <message>
        <source>Edit band schedule…</source>
        <translation>Editar horario de franjas…</translation>
    </message>
    <message>
        <source>Delete band schedule…</source>
        <translation>Eliminar horario de franjas…</translation>
    </message>
    <message>
        <source>Rates of {tariff}</source>
        <translation>Tarifas de {tariff}</translation>
    </message>
    <message>
        <source>Choose a tariff above to see its rates.</source>
        <translation>Elija un tarifario arriba para ver sus tarifas.</translation>
    </message>
    <message>
        <source>No rate of this tariff starts with {prefix}.</source>
        <translation>Ninguna tarifa de este tarifario empieza por {prefix}.</translation>
    </message>
    <message>
        <source>This tariff has no rates yet: import a deck or add a rate.</source>
        <translation>Este tarifario aún no tiene tarifas: importe una lista o añada una tarifa.</translation>
    </message>
    <message>
        <source>A prefix is digits only, like 44 or 4420.</source>
        <translation>Un prefijo son solo dígitos, como 44 o 4420.</translation>
    </message>
    <message>
        <source>Delete tariff {tariff} and its {rates} rates? Calls are no longer rated with it.</source>
        <translation>¿Eliminar la tarifa {tariff} y sus {rates} precios? Las llamadas dejan de tarificarse con ella.</translation>
    </message>
    <message>
        <source>Tariff {tariff} deleted.</source>
        <translation>Tarifa {tariff} eliminada.</translation>
    </message>
    <message>
        <source>Delete the rate of prefix {prefix} ({destination}) from {tariff}?</source>
        <translation>¿Eliminar el precio del prefijo {prefix} ({destination}) de {tariff}?</translation>
    </message>
    <message>
        <source>Rate {prefix} deleted.</source>
        <translation>Precio {prefix} eliminado.</translation>
    </message>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Eliminando…</translation>
    </message>
    <message>
        <source>Blended {priced} prefixes from {carriers}.</source>
        <translation>Compuestos {priced} prefijos a partir de {carriers}.</translation>
    </message>
    <message>
        <source>Skipped (switched off): {names}.</source>
        <translation>Omitidos (desactivados): {names}.</translation>
    </message>
    <message>
        <source>No carrier covers {count} prefix(es): {prefixes}</source>
        <translation>Ningún operador cubre {count} prefijo(s): {prefixes}</translation>
    </message>
    <message>
        <source>{rates} rates repriced by {percent} %.</source>
        <translation>{rates} precios cambiados en un {percent} %.</translation>
    </message>
    <message>
        <source>Export {tariff}</source>
        <translation>Exportar {tariff}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting {tariff}…</source>
        <translation>Exportando {tariff}…</translation>
    </message>
    <message>
        <source>Saved {tariff} ({rates} rates, {size} bytes) to {file}.</source>
        <translation>{tariff} guardado ({rates} tarifas, {size} bytes) en {file}.</translation>
    </message>
    <message>
        <source>Could not export {tariff}: {message}</source>
        <translation>No se pudo exportar {tariff}: {message}</translation>
    </message>
    <message>
        <source>Delete band schedule {name}?</source>
        <translation>¿Eliminar el horario de franjas {name}?</translation>
    </message>
    <message>
        <source>Band schedule {name} deleted.</source>
        <translation>Horario de franjas {name} eliminado.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Añadiendo…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Call records</source>
        <translation>Registros de llamadas</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
</context>
<context>
    <name>ResellerTaxesDialog</name>
    <message>
        <source>Taxes of {name}</source>
        <translation>Impuestos de {name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Saving the taxes…</source>
        <translation>Guardando los impuestos…</translation>
    </message>
</context>
<context>
    <name>ResellerTreeModel</name>
    <message>
        <source>Reseller</source>
        <translation>Revendedor</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Límite de crédito</translation>
    </message>
</context>
<context>
    <name>Resellers</name>
    <message>
        <source>Usage based</source>
        <translation>Por consumo</translation>
    </message>
    <message>
        <source>Payment based</source>
        <translation>Por pagos</translation>
    </message>
    <message>
        <source>White label</source>
        <translation>Marca blanca</translation>
    </message>
    <message>
        <source>PIN-less</source>
        <translation>Sin PIN</translation>
    </message>
    <message>
        <source>Percent of sales</source>
        <translation>Porcentaje de las ventas</translation>
    </message>
    <message>
        <source>Percent of margin</source>
        <translation>Porcentaje del margen</translation>
    </message>
    <message>
        <source>Amount per minute</source>
        <translation>Importe por minuto</translation>
    </message>
    <message>
        <source>No taxes on its statement</source>
        <translation>Sin impuestos en su extracto</translation>
    </message>
</context>
<context>
    <name>ResellersPage</name>
    <message>
        <source>Basis</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>Por minuto</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>New reseller…</source>
        <translation>Nuevo revendedor…</translation>
    </message>
    <message>
        <source>Add sub-reseller…</source>
        <translation>Añadir subrevendedor…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Límite de crédito</translation>
    </message>
    <message>
        <source>Sub-resellers</source>
        <translation>Subrevendedores</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>Nombre de marca</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>Agent PIN</source>
        <translation>PIN de agente</translation>
    </message>
    <message>
        <source>Sell tariff…</source>
        <translation>Tarifa de venta…</translation>
    </message>
    <message>
        <source>A white-label reseller&apos;s own sell tariff: its buy tariff with a markup</source>
        <translation>La tarifa de venta propia de un revendedor de marca blanca: su tarifa de compra con un margen</translation>
    </message>
    <message>
        <source>Logo…</source>
        <translation>Logotipo…</translation>
    </message>
    <message>
        <source>A white-label reseller&apos;s logo, printed on its customers&apos; documents and its own statement</source>
        <translation>El logotipo de un revendedor de marca blanca, impreso en los documentos de sus clientes y en su propio extracto</translation>
    </message>
    <message>
        <source>New agent PIN…</source>
        <translation>PIN de agente nuevo…</translation>
    </message>
    <message>
        <source>The PIN a retail store&apos;s clerk keys in the IVR to recharge its PIN-less customers from its balance</source>
        <translation>El PIN que el dependiente de una tienda marca en el IVR para recargar, con el saldo de la tienda, a sus clientes sin PIN</translation>
    </message>
    <message>
        <source>Taxes…</source>
        <translation>Impuestos…</translation>
    </message>
    <message>
        <source>The tax profile its statement prints</source>
        <translation>El perfil de impuestos que imprime su extracto</translation>
    </message>
    <message>
        <source>Commission rules</source>
        <translation>Reglas de comisión</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>Extracto…</translation>
    </message>
    <message>
        <source>No reseller chosen</source>
        <translation>Ningún revendedor elegido</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>guardado</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>issued {when}</source>
        <translation>emitido el {when}</translation>
    </message>
    <message>
        <source>Taxes of {name} saved.</source>
        <translation>Impuestos de {name} guardados.</translation>
    </message>
    <message>
        <source>Sell tariff {name} saved (rates: {count}).</source>
        <translation>Tarifa de venta {name} guardada (tarifas: {count}).</translation>
    </message>
    <message>
        <source>Reseller {name} created.</source>
        <translation>Revendedor {name} creado.</translation>
    </message>
    <message>
        <source>Could not load resellers: {message}</source>
        <translation>No se pudieron cargar los revendedores: {message}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No resellers yet: add one with “New reseller…”.</source>
        <translation>Aún no hay revendedores: añada uno con «Nuevo revendedor…».</translation>
    </message>
    <message>
        <source>No reseller to show.</source>
        <translation>Ningún revendedor que mostrar.</translation>
    </message>
    <message>
        <source>Expand a reseller to see its sub-resellers.</source>
        <translation>Despliegue un revendedor para ver sus subrevendedores.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Cambiar el rol</translation>
    </message>
    <message>
        <source>Changing the role…</source>
        <translation>Cambiando el rol…</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendedor</translation>
    </message>
</context>
<context>
    <name>RouteCarriersTable</name>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijado</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Excluido</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>New route in {plan}</source>
        <translation>Nueva ruta en {plan}</translation>
    </message>
    <message>
        <source>Route {prefix} in {plan}</source>
        <translation>Ruta {prefix} en {plan}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>digits; empty = every number</source>
        <translation>dígitos; vacío = todos los números</translation>
    </message>
    <message>
        <source>Blocked: refuse calls to this prefix</source>
        <translation>Bloqueada: rechazar las llamadas a este prefijo</translation>
    </message>
    <message>
        <source>Allow routing at a loss</source>
        <translation>Permitir cursar con pérdidas</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefijo</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Least margin, %</source>
        <translation>Margen mínimo, %</translation>
    </message>
    <message>
        <source>Least margin per minute</source>
        <translation>Margen mínimo por minuto</translation>
    </message>
    <message>
        <source>Choose a carrier to add</source>
        <translation>Elija un operador para añadir</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>Operadores</translation>
    </message>
    <message>
        <source>Saving the route…</source>
        <translation>Guardando la ruta…</translation>
    </message>
</context>
<context>
    <name>RoutesList</name>
    <message>
        <source>Prefix starts with…</source>
        <translation>El prefijo empieza por…</translation>
    </message>
    <message>
        <source>New route…</source>
        <translation>Nueva ruta…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Route {prefix} saved.</source>
        <translation>Ruta {prefix} guardada.</translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n ruta</numerusform>
            <numerusform>%n rutas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n ruta mostrada; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n rutas mostradas; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a dial plan to see its routes.</source>
        <translation>Elija un plan de marcación para ver sus rutas.</translation>
    </message>
    <message>
        <source>No route prefix starts with these digits.</source>
        <translation>Ningún prefijo de ruta empieza por estos dígitos.</translation>
    </message>
    <message>
        <source>No routes yet: add one with “New route…” (an empty prefix catches every number).</source>
        <translation>Aún no hay rutas: añada una con «Nueva ruta…» (un prefijo vacío abarca todos los números).</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <source>Least cost</source>
        <translation>Menor coste</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Ponderada</translation>
    </message>
    <message>
        <source>E.164 (international)</source>
        <translation>E.164 (internacional)</translation>
    </message>
    <message>
        <source>National</source>
        <translation>Nacional</translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation>Tarifa de compra</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de marcación</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
</context>
<context>
    <name>SellTariffDialog</name>
    <message>
        <source>Sell tariff of {name}</source>
        <translation>Tarifa de venta de {name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>prefix=percent, e.g. 44=35; 4420=10</source>
        <translation>prefijo=porcentaje, p. ej. 44=35; 4420=10</translation>
    </message>
    <message>
        <source>Allow selling below cost (a negative markup)</source>
        <translation>Permitir vender por debajo del coste (un margen negativo)</translation>
    </message>
    <message>
        <source>Markup %</source>
        <translation>Margen %</translation>
    </message>
    <message>
        <source>Markup per prefix</source>
        <translation>Margen por prefijo</translation>
    </message>
    <message>
        <source>write each as prefix=percent: {part}</source>
        <translation>escriba cada uno como prefijo=porcentaje: {part}</translation>
    </message>
    <message>
        <source>Pricing the sell tariff…</source>
        <translation>Calculando la tarifa de venta…</translation>
    </message>
</context>
<context>
    <name>ServiceManager</name>
    <message>
        <source>SIP switch</source>
        <translation>Conmutador SIP</translation>
    </message>
    <message>
        <source>RADIUS server</source>
        <translation>Servidor RADIUS</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>API HTTP</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>Copias programadas</translation>
    </message>
    <message>
        <source>E-mail notifications</source>
        <translation>Avisos por correo electrónico</translation>
    </message>
    <message>
        <source>Node lease</source>
        <translation>Concesión del nodo</translation>
    </message>
    <message>
        <source>Cluster duties</source>
        <translation>Tareas del clúster</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en marcha</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>deteniéndose</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>lease ran out</source>
        <translation>concesión vencida</translation>
    </message>
    <message>
        <source>down</source>
        <translation>caído</translation>
    </message>
</context>
<context>
    <name>ServiceManagerPage</name>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Puertos</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Contadores</translation>
    </message>
    <message>
        <source>Restart…</source>
        <translation>Reiniciar…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>Dirección SIP</translation>
    </message>
    <message>
        <source>Lease until</source>
        <translation>Concesión hasta</translation>
    </message>
    <message>
        <source>Calls settled by</source>
        <translation>Llamadas liquidadas por</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Copiar ahora</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <source>Lines containing…</source>
        <translation>Líneas que contienen…</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>Todos los niveles</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Componentes</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Service log</source>
        <translation>Registro del servicio</translation>
    </message>
    <message>
        <source>Switch nodes on this database</source>
        <translation>Nodos de conmutación en esta base de datos</translation>
    </message>
    <message>
        <source>Carrierdesk {version}, database schema {revision}, running since {since}</source>
        <translation>Carrierdesk {version}, esquema de base de datos {revision}, en marcha desde {since}</translation>
    </message>
    <message>
        <source>runs them</source>
        <translation>las ejecuta</translation>
    </message>
    <message>
        <source>The cluster&apos;s duties: scheduled backups, the mail outbox, the monthly statements and recurring fees, run by one node at a time</source>
        <translation>Las tareas del clúster: copias programadas, la bandeja de salida del correo, los extractos mensuales y las cuotas periódicas, ejecutadas por un solo nodo a la vez</translation>
    </message>
    <message>
        <source>every {hours} h</source>
        <translation>cada {hours} h</translation>
    </message>
    <message>
        <source>none scheduled</source>
        <translation>ninguna programada</translation>
    </message>
    <message>
        <source>In {folder} ({every}, the last {keep} kept)</source>
        <translation>En {folder} ({every}, se guardan las últimas {keep})</translation>
    </message>
    <message>
        <source>Restarting the SIP switch ends the calls in progress.</source>
        <translation>Reiniciar el conmutador SIP corta las llamadas en curso.</translation>
    </message>
    <message>
        <source>Calls in progress go on while it restarts.</source>
        <translation>Las llamadas en curso siguen mientras se reinicia.</translation>
    </message>
    <message>
        <source>Restart {name}</source>
        <translation>Reiniciar {name}</translation>
    </message>
    <message>
        <source>Restart {name}?</source>
        <translation>¿Reiniciar {name}?</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Restarting {name}…</source>
        <translation>Reiniciando {name}…</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation>Reiniciando…</translation>
    </message>
    <message>
        <source>{name} restarted.</source>
        <translation>{name} reiniciado.</translation>
    </message>
    <message>
        <source>Backing up while calls go on…</source>
        <translation>Copiando mientras siguen las llamadas…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia</translation>
    </message>
    <message>
        <source>Replace all the service&apos;s data with {name}? The SIP switch and RADIUS stop meanwhile (calls in progress end); the current data is backed up first. Everyone signs in again afterwards.</source>
        <translation>¿Reemplazar todos los datos del servicio por {name}? El conmutador SIP y RADIUS se detienen mientras tanto (las llamadas en curso terminan); antes se copian los datos actuales. Después todos vuelven a iniciar sesión.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation>Restaurando {name}…</translation>
    </message>
    <message>
        <source>Restored {name} ({rows} rows, every checksum equal). Sign in again with a user of that backup (Session → Switch user…).</source>
        <translation>{name} restaurada ({rows} filas, todas las sumas de control iguales). Vuelva a iniciar sesión con un usuario de esa copia (Sesión → Cambiar de usuario…).</translation>
    </message>
    <message>
        <source>Backup {name} made.</source>
        <translation>Copia {name} hecha.</translation>
    </message>
    <message>
        <source>Save a copy of the backup</source>
        <translation>Guardar una copia de la copia de seguridad</translation>
    </message>
    <message>
        <source>Carrierdesk backups (*.cdbackup);;All files (*)</source>
        <translation>Copias de seguridad de Carrierdesk (*.cdbackup);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Guardado {path}.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>{count} lines of {path}</source>
        <translation>{count} líneas de {path}</translation>
    </message>
</context>
<context>
    <name>ServiceStartDialog</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>What the service said:</source>
        <translation>Lo que dijo el servicio:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Consultando al servicio…</translation>
    </message>
    <message>
        <source>No Carrierdesk service answers at {url}.</source>
        <translation>Ningún servicio de Carrierdesk responde en {url}.</translation>
    </message>
    <message>
        <source>Starting the Carrierdesk service on this computer (its data: {folder})…</source>
        <translation>Iniciando el servicio de Carrierdesk en este equipo (sus datos: {folder})…</translation>
    </message>
    <message>
        <source>The service&apos;s database could not be prepared.</source>
        <translation>No se pudo preparar la base de datos del servicio.</translation>
    </message>
    <message>
        <source>The service on this computer stopped while starting.</source>
        <translation>El servicio de este equipo se detuvo al iniciarse.</translation>
    </message>
    <message>
        <source>The service on this computer did not answer in time.</source>
        <translation>El servicio de este equipo no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Another Carrierdesk installation answers at {url} (its database: {where}). It is not this computer&apos;s service, so Carrierdesk does not use it. Stop that service, or give this computer&apos;s service another port with: carrier-switch config set api_port NUMBER</source>
        <translation>Otra instalación de Carrierdesk responde en {url} (su base de datos: {where}). No es el servicio de este equipo, así que Carrierdesk no la usa. Detenga ese servicio o dé otro puerto al servicio de este equipo con: carrier-switch config set api_port NÚMERO</translation>
    </message>
    <message>
        <source>The service on this computer cannot start: its config file has a problem.</source>
        <translation>El servicio de este equipo no puede iniciarse: su archivo de configuración tiene un problema.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Service address</source>
        <translation>Dirección del servicio</translation>
    </message>
    <message>
        <source>The Carrierdesk service this desktop signs in to, e.g. http://127.0.0.1:8470. Used from the next start.</source>
        <translation>El servicio Carrierdesk en el que inicia sesión este escritorio, p. ej. http://127.0.0.1:8470. Se usa desde el próximo inicio.</translation>
    </message>
    <message>
        <source>Remembered user name</source>
        <translation>Nombre de usuario recordado</translation>
    </message>
    <message>
        <source>Filled in at sign-in. Leave it empty to forget it.</source>
        <translation>Se rellena al iniciar sesión. Déjelo vacío para olvidarlo.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Stored when chosen; applies from the next start.</source>
        <translation>Se guarda al elegirlo; se aplica desde el próximo inicio.</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nombre de la empresa</translation>
    </message>
    <message>
        <source>On receipts and statements</source>
        <translation>En recibos y extractos</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>ISO 4217 code of the money you bill in (USD, EUR, …): new accounts, tariffs and cards take it</source>
        <translation>Código ISO 4217 de la moneda en que factura (USD, EUR, …): la toman las cuentas, tarifas y tarjetas nuevas</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Reports, daily caps, peak hours and recurring fees of new accounts follow it</source>
        <translation>La siguen los informes, los topes diarios, las horas punta y las cuotas periódicas de las cuentas nuevas</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Printed under the company name on statements and invoices</source>
        <translation>Se imprime bajo el nombre de la empresa en extractos y facturas</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <source>Ask the service at this address who it is</source>
        <translation>Preguntar al servicio de esta dirección quién es</translation>
    </message>
    <message>
        <source>Settings of this desktop</source>
        <translation>Ajustes de este escritorio</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Settings of the service&apos;s machine (ports, database) are kept there: carrier-switch config show lists them, carrier-switch config set changes one.</source>
        <translation>Los ajustes del equipo del servicio (puertos, base de datos) se guardan allí: carrier-switch config show los muestra, carrier-switch config set cambia uno.</translation>
    </message>
    <message>
        <source>Enter the address of the Carrierdesk service.</source>
        <translation>Introduzca la dirección del servicio Carrierdesk.</translation>
    </message>
    <message>
        <source>Saved. The desktop uses them from its next start.</source>
        <translation>Guardado. El escritorio los usará desde su próximo inicio.</translation>
    </message>
    <message>
        <source>Asking {url}…</source>
        <translation>Preguntando a {url}…</translation>
    </message>
    <message>
        <source>Carrierdesk {version} answers at {url} ({database}).</source>
        <translation>Carrierdesk {version} responde en {url} ({database}).</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Carrierdesk</source>
        <translation>Iniciar sesión en Carrierdesk</translation>
    </message>
    <message>
        <source>Address of the Carrierdesk service (started with carrier-switch)</source>
        <translation>Dirección del servicio Carrierdesk (iniciado con carrier-switch)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Enter the address of the Carrierdesk service.</source>
        <translation>Introduzca la dirección del servicio Carrierdesk.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Introduzca su nombre de usuario y contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>StatementPicker</name>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>The month&apos;s statement in this computer&apos;s PDF viewer</source>
        <translation>El extracto del mes en el visor de PDF de este equipo</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>The month&apos;s statement as a PDF file</source>
        <translation>El extracto del mes como archivo PDF</translation>
    </message>
    <message>
        <source>Send by e-mail</source>
        <translation>Enviar por correo</translation>
    </message>
    <message>
        <source>The month&apos;s statement to the address on record, the PDF attached</source>
        <translation>El extracto del mes a la dirección registrada, con el PDF adjunto</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Mes:</translation>
    </message>
    <message>
        <source>{month} (so far)</source>
        <translation>{month} (en curso)</translation>
    </message>
    <message>
        <source>Save statement</source>
        <translation>Guardar extracto</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>No se pudo escribir {path}: {reason}</translation>
    </message>
    <message>
        <source>Statement of {month} saved to {path}</source>
        <translation>Extracto de {month} guardado en {path}</translation>
    </message>
    <message>
        <source>Statement {number} goes to {address} by e-mail</source>
        <translation>El extracto {number} se envía a {address} por correo</translation>
    </message>
    <message>
        <source>Sending the statement…</source>
        <translation>Enviando el extracto…</translation>
    </message>
    <message>
        <source>Statement of {month} opened ({path})</source>
        <translation>Extracto de {month} abierto ({path})</translation>
    </message>
    <message>
        <source>Rendering the statement…</source>
        <translation>Preparando el extracto…</translation>
    </message>
</context>
<context>
    <name>Statements</name>
    <message>
        <source>Invoice</source>
        <translation>Factura</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Extracto</translation>
    </message>
    <message>
        <source>Reseller statement</source>
        <translation>Extracto de revendedor</translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>New tariff</source>
        <translation>Nuevo tarifario</translation>
    </message>
    <message>
        <source>Tariff {name}</source>
        <translation>Tarifario {name}</translation>
    </message>
    <message>
        <source>None: one price at all hours</source>
        <translation>Ninguno: un precio a todas horas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Sell: what customers pay. Buy: what a carrier charges us.</source>
        <translation>Venta: lo que pagan los clientes. Compra: lo que nos cobra un operador.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>company currency</source>
        <translation>moneda de la empresa</translation>
    </message>
    <message>
        <source>Band schedule</source>
        <translation>Horario de franjas</translation>
    </message>
    <message>
        <source>The peak, off-peak, weekend and holiday hours of the rates&apos; band prices</source>
        <translation>Las horas punta, fuera de punta, de fin de semana y festivas de los precios por franja</translation>
    </message>
</context>
<context>
    <name>TariffJobDialog</name>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelado: no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>TaxProfileDialog</name>
    <message>
        <source>New tax profile</source>
        <translation>Nuevo perfil fiscal</translation>
    </message>
    <message>
        <source>Tax profile {name}</source>
        <translation>Perfil fiscal {name}</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Impuesto</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>In the price</source>
        <translation>En el precio</translation>
    </message>
    <message>
        <source>Ticked: the tax is already in the price. Unticked: added on top.</source>
        <translation>Marcado: el impuesto ya está en el precio. Sin marcar: se suma al precio.</translation>
    </message>
    <message>
        <source>Add tax</source>
        <translation>Añadir impuesto</translation>
    </message>
    <message>
        <source>Remove tax</source>
        <translation>Quitar impuesto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>TestCallDialog</name>
    <message>
        <source>Place test call</source>
        <translation>Llamada de prueba</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>número de cuenta</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Bill to account</source>
        <translation>Facturar a la cuenta</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>Número a llamar</translation>
    </message>
    <message>
        <source>Talk for</source>
        <translation>Hablar durante</translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation>Llamando…</translation>
    </message>
</context>
<context>
    <name>TrafficTab</name>
    <message>
        <source>Run report</source>
        <translation>Generar informe</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Agrupar por</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendedor</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>ASR %</source>
        <translation>ASR %</translation>
    </message>
    <message>
        <source>ACD (seconds)</source>
        <translation>ACD (segundos)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Beneficio</translation>
    </message>
    <message>
        <source>Choose a grouping and a range, then run the report.</source>
        <translation>Elija una agrupación y un periodo, y genere el informe.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Contestadas</translation>
    </message>
    <message>
        <source>ACD (s)</source>
        <translation>ACD (s)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No calls in this range.</source>
        <translation>No hay llamadas en este periodo.</translation>
    </message>
    <message>
        <source>{calls} calls, {minutes} minutes in total</source>
        <translation>{calls} llamadas, {minutes} minutos en total</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>TrunkDialog</name>
    <message>
        <source>New trunk</source>
        <translation>Nueva troncal</translation>
    </message>
    <message>
        <source>Trunk {name}</source>
        <translation>Troncal {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>número de cuenta</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.10</source>
        <translation>p. ej. 203.0.113.10</translation>
    </message>
    <message>
        <source>stored; type a new one to replace it</source>
        <translation>guardada; escriba otra para reemplazarla</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>al menos 8 caracteres</translation>
    </message>
    <message>
        <source>the numbers it sends</source>
        <translation>los números que envía</translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation>Recibe llamadas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account (billed)</source>
        <translation>Cuenta (facturada)</translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation>Reconocida por</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP de origen</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation>Llamadas por segundo</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Where calls to the trunk&apos;s DIDs are delivered</source>
        <translation>Adónde se entregan las llamadas a los DID de la troncal</translation>
    </message>
    <message>
        <source>Calls from this address are the trunk&apos;s</source>
        <translation>Las llamadas desde esta dirección son de la troncal</translation>
    </message>
    <message>
        <source>Adding the trunk…</source>
        <translation>Añadiendo la troncal…</translation>
    </message>
    <message>
        <source>Saving the trunk…</source>
        <translation>Guardando la troncal…</translation>
    </message>
</context>
<context>
    <name>TrunksModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation>Reconocida por</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP de origen</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>guardada</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>CPS</source>
        <translation>LPS</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
</context>
<context>
    <name>TrunksTab</name>
    <message>
        <source>Name contains…</source>
        <translation>El nombre contiene…</translation>
    </message>
    <message>
        <source>Add trunk…</source>
        <translation>Añadir troncal…</translation>
    </message>
    <message>
        <source>Trunk {name} saved.</source>
        <translation>Troncal {name} guardada.</translation>
    </message>
    <message>
        <source>Delete trunk</source>
        <translation>Eliminar troncal</translation>
    </message>
    <message>
        <source>Delete trunk {name}?</source>
        <translation>¿Eliminar la troncal {name}?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleting the trunk…</source>
        <translation>Eliminando la troncal…</translation>
    </message>
    <message>
        <source>Trunk {name} deleted.</source>
        <translation>Troncal {name} eliminada.</translation>
    </message>
    <message numerus="yes">
        <source>%n trunk(s)</source>
        <translation>
            <numerusform>%n troncal</numerusform>
            <numerusform>%n troncales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trunk(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n troncal mostrada; desplácese para ver más</numerusform>
            <numerusform>%n troncales mostradas; desplácese para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer trunks yet: add a customer&apos;s PBX or switch with “Add trunk…”.</source>
        <translation>Aún no hay troncales de clientes: añada la centralita o el switch de un cliente con «Añadir troncal…».</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Reseller</source>
        <translation>Revendedor</translation>
    </message>
    <message>
        <source>Choose the user&apos;s reseller</source>
        <translation>Elija el revendedor del usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>al menos {count} caracteres</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendedor</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No (deactivated)</source>
        <translation>No (desactivado)</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último acceso</translation>
    </message>
    <message>
        <source>User name contains…</source>
        <translation>El nombre de usuario contiene…</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Todos los roles</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Nuevo usuario…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Cambiar el rol…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Restablecer la contraseña…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Desactivar…</translation>
    </message>
    <message>
        <source>User {name} added: they can sign in now.</source>
        <translation>Usuario {name} añadido: ya puede iniciar sesión.</translation>
    </message>
    <message>
        <source>{name} is now: {role}.</source>
        <translation>{name} es ahora: {role}.</translation>
    </message>
    <message>
        <source>Password of {name} reset; their other sessions are signed out.</source>
        <translation>Contraseña de {name} restablecida; sus otras sesiones se han cerrado.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Desactivar el usuario</translation>
    </message>
    <message>
        <source>Deactivate {name}? They are signed out at once and cannot sign in until reactivated.</source>
        <translation>¿Desactivar a {name}? Su sesión se cierra de inmediato y no podrá entrar hasta que se reactive.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>{name} is deactivated and signed out.</source>
        <translation>{name} está desactivado y su sesión cerrada.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivar</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n usuario</numerusform>
            <numerusform>%n usuarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n usuario mostrado; desplácese hacia abajo para ver más</numerusform>
            <numerusform>%n usuarios mostrados; desplácese hacia abajo para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No user matches these filters.</source>
        <translation>Ningún usuario coincide con estos filtros.</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <source>Generate vouchers</source>
        <translation>Generar vales</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>e.g. a campaign, to find them by</source>
        <translation>p. ej. una campaña, para encontrarlos</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válidos hasta</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Vales</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Only for accounts of</source>
        <translation>Solo para cuentas de</translation>
    </message>
    <message>
        <source>These codes are shown only now: copy or save them before you close this window. Each one is worth its value to whoever types it.</source>
        <translation>Estos códigos solo se muestran ahora: cópielos o guárdelos antes de cerrar esta ventana. Cada uno vale su importe para quien lo teclee.</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Copiar todo</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Making the vouchers…</source>
        <translation>Creando los vales…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Save the voucher codes</source>
        <translation>Guardar los códigos de los vales</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>No se pudo guardar {path}: {reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>VouchersModel</name>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Usado</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Usado por</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Creado (UTC)</translation>
    </message>
</context>
<context>
    <name>VouchersTab</name>
    <message>
        <source>All vouchers</source>
        <translation>Todos los vales</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>Sin usar</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Usados</translation>
    </message>
    <message>
        <source>Generate vouchers…</source>
        <translation>Generar vales…</translation>
    </message>
    <message>
        <source>voucher code</source>
        <translation>código del vale</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>número de cuenta</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Canjear</translation>
    </message>
    <message>
        <source>Redeem a code onto an account:</source>
        <translation>Canjear un código en una cuenta:</translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s) made.</source>
        <translation>
            <numerusform>%n vale creado.</numerusform>
            <numerusform>%n vales creados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the voucher&apos;s code and the number of the account to credit.</source>
        <translation>Escriba el código del vale y el número de la cuenta a abonar.</translation>
    </message>
    <message>
        <source>Redeeming the voucher…</source>
        <translation>Canjeando el vale…</translation>
    </message>
    <message>
        <source>{amount} credited to account {number} (receipt {receipt}); its balance is now {balance}.</source>
        <translation>{amount} abonados en la cuenta {number} (recibo {receipt}); su saldo es ahora {balance}.</translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s)</source>
        <translation>
            <numerusform>%n vale</numerusform>
            <numerusform>%n vales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n vale mostrado; desplácese para ver más</numerusform>
            <numerusform>%n vales mostrados; desplácese para ver más</numerusform>
        </translation>
    </message>
    <message>
        <source>No voucher matches this filter.</source>
        <translation>Ningún vale coincide con este filtro.</translation>
    </message>
    <message>
        <source>No vouchers yet: make some with “Generate vouchers…”.</source>
        <translation>Aún no hay vales: cree algunos con «Generar vales…».</translation>
    </message>
    <message>
        <source>No vouchers yet.</source>
        <translation>Aún no hay vales.</translation>
    </message>
</context>
<context>
    <name>WelcomeField</name>
    <message>
        <source>Welcome prompt…</source>
        <translation>Mensaje de bienvenida…</translation>
    </message>
    <message>
        <source>Choose a WAV or MP3 recording callers on this access number hear instead of the standard welcome (converted to 8 kHz mono)</source>
        <translation>Elija una grabación WAV o MP3 que oirán quienes llamen a este número de acceso en lugar de la bienvenida estándar (convertida a 8 kHz mono)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>the standard welcome (add the DID, then open it to record its own)</source>
        <translation>la bienvenida estándar (añada el DID y ábralo luego para darle su propia grabación)</translation>
    </message>
    <message>
        <source>its own recording</source>
        <translation>su propia grabación</translation>
    </message>
    <message>
        <source>the standard welcome</source>
        <translation>la bienvenida estándar</translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation>Elegir una grabación</translation>
    </message>
    <message>
        <source>Recordings (*.wav *.mp3);;All files (*)</source>
        <translation>Grabaciones (*.wav *.mp3);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>No se puede leer {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} was not taken: {reason}</source>
        <translation>{file} no se aceptó: {reason}</translation>
    </message>
    <message>
        <source>Sending the recording…</source>
        <translation>Enviando la grabación…</translation>
    </message>
    <message>
        <source>Your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono) welcomes the next caller.</source>
        <translation>Su grabación {kind} ({seconds:.1f} s, convertida a 8 kHz mono) recibirá a quien llame la próxima vez.</translation>
    </message>
    <message>
        <source>Removing the recording…</source>
        <translation>Quitando la grabación…</translation>
    </message>
    <message>
        <source>The standard welcome plays again from the next call.</source>
        <translation>La bienvenida estándar vuelve a sonar desde la próxima llamada.</translation>
    </message>
</context>
<context>
    <name>_UserChangeDialog</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
</context>
</TS>
