"""The words Lazos listens for in a note, as data (Spanish and English together).

Every pattern is a regular expression matched against *folded* text (lower-case, accents
removed: see :func:`lazos.text.fold.fold`), so "necesitó", "Necesito" and "NECESITO" all
meet ``necesit``. Each list is one kind of evidence; :mod:`lazos.text.classify` weighs them
and records which pattern fired, so every proposal can say *why* it was made.

Why patterns and not a trained model: the user must be able to read why a sentence became a
need, and a missed phrasing is fixed by adding one line here (with a test), in both
languages, without retraining anything.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Explicit needs: someone says they want, need or look for something.
NEED_EXPLICIT: tuple[str, ...] = (
    # Spanish
    r"\bnecesit\w*", r"\bbusca(n|ndo|ba)?\b", r"\bbusco\b", r"\bquiere(n)?\b", r"\bquisiera\b",
    r"\bquerria\b", r"\ble (hace|haria) falta\b", r"\bhace falta\b",
    r"\bfalta(n)? (un|una|alguien)\b",
    r"\bme pidio\b", r"\bme pregunto\b", r"\bpregunto (si|por|quien)\b",
    r"\bsi conocia\b", r"\bsi conozco\b", r"\balguien que\b",
    r"\bno encuentra\b", r"\ble vendria bien\b", r"\btiene que\b",
    r"\bdebe (encontrar|buscar|cambiar|renovar|pagar|presentar)\b",
    r"\ble gustaria\b", r"\bqueria\b", r"\bse quiere\b", r"\bpiensa (en )?(mudarse|irse)\b",
    r"\bbuscando\b", r"\bnecesidad\b", r"\bayuda con\b", r"\bayuda para\b",
    # English
    r"\bneed(s|ed|ing)?\b", r"\bwant(s|ed|ing)?\b", r"\blooking for\b", r"\blooks for\b",
    r"\bsearching for\b", r"\bseeking\b", r"\bhas to\b", r"\bhave to\b", r"\bmust\b",
    r"\bwould like\b", r"\bwould love\b", r"\bkeen to find\b",
    r"\basked (me )?(if|about|for|who|whether)\b",
    r"\bany(one|body) who\b", r"\bsomeone (to|who|that|good)\b", r"\bcan'?t find\b",
    r"\bcould use\b", r"\bhelp with\b", r"\bneeds? help\b", r"\bwants to know\b", r"\bin need\b",
    r"\bhoping to\b", r"\btrying to (find|get|sort)\b", r"\bplans? to move\b",
)

# Implicit needs: trouble mentioned in passing. (pattern, topic or "")
NEED_PROBLEM: tuple[tuple[str, str], ...] = (
    # --- health (body and mind)
    (r"\bdolor\w*\b", "health"), (r"\bduele\b", "health"),
    (r"\bpain(ful)?\b", "health"), (r"\bhurt(s|ing)?\b", "health"), (r"\bache\w*\b", "health"),
    (r"\b(back|knee|neck|shoulder|hip|wrist)s? (is|are|has been|have been|keeps?|wrecked|killing|"
         r"bad|sore|stiff)",
     "health"),
     (r"\b(espalda|rodilla|cuello|hombro|cadera|muneca) (fatal|mal|destrozad\w*)", "health"),
    (r"\bsore\b", "health"), (r"\binjur\w*", "health"), (r"\bwrecked\b", "health"),
    (r"\bcan'?t sleep\b", "health"), (r"\b(hasn'?t|has not|not) slept\b", "health"),
    (r"\binsomni\w*", "health"), (r"\bno duerme\b", "health"), (r"\bdormir mal\b", "health"),
    (r"\banxi\w*", "health"), (r"\bansied\w*", "health"), (r"\bdepress?\w*", "health"),
    (r"\bestres\w*", "health"), (r"\bstressed out\b", "health"),
    (r"\bburn(ed|t)? ?out\b", "health"),
    (r"\bpanic attack", "health"), (r"\bataques? de panico\b", "health"),
    (r"\benferm(o|a|os|as|edad\w*)\b", "health"), (r"\bmalit[oa]\b", "health"),
    (r"\bsick\b", "health"),
    (r"\bill\b", "health"),
    (r"\bpeso\b.*\b(perder|bajar)\b", "health"), (r"\blose weight\b", "health"),
    (r"\bgive me pills\b", "health"), (r"\bpastillas\b", "health"),
    # --- break-ins, damage at home or at work
    (r"\brob(ar|o|aron|ado)\b", ""), (r"\ble entraron\b", ""), (r"\bbreak[- ]?in\b", ""),
    (r"\bbroken into\b", ""), (r"\bburgl\w*", ""), (r"\bstolen\b", ""), (r"\bstole\b", ""),
    (r"\bgotera\w*", ""), (r"\binund\w*", ""), (r"\bfuga de agua\b", ""), (r"\bhumedad\w*", ""),
    (r"\bleak\w*", ""), (r"\bflood\w*", ""), (r"\bdamp\b", ""), (r"\bmou?ld\b", ""),
    (r"\bse (le )?(ha )?(roto|estropeado|averiado)\b", ""), (r"\bse cae\b", ""),
    (r"\bno funciona\b", ""),
    (r"\bsaltan? (los plomos|el diferencial|la luz)\b", ""), (r"\bplomos\b", ""),
    (r"\b(broke|broken|breaks) down\b", ""), (r"\bbroken\b", ""),
    (r"\bkeeps? (dropping|failing|crashing|breaking|tripping|leaking)\b", ""),
    (r"\b(trip|trips|tripping)\b", ""), (r"\bdoesn'?t work\b", ""), (r"\bnot working\b", ""),
    (r"\bcrash\w*", ""), (r"\bhack(ed|eo|earon)\b", ""),
    (r"\bno hay copia\b", ""), (r"\bno backups?\b", ""), (r"\ble da miedo\b", ""),
    (r"\bscared\b", ""), (r"\bworried\b", ""), (r"\bpreocupad\w*", ""), (r"\bmiedo\b", ""),
    (r"\bplaga\b", ""), (r"\bcucarachas\b", ""), (r"\bpests?\b", ""), (r"\bcockroach\w*", ""),
    # --- legal and work trouble
    (r"\bechad[oa]\b", "legal"),
    (r"\b(let go|laid off|(?<!-)fired|sacked|dismiss\w*|despedid[oa]|"
         r"l[oa] (han )?echad[oa])\b", "legal"),
    (r"\bseverance\b", "legal"),
    (r"\bsued?\b", "legal"),
    (r"\b(le|lo|la|les|me) (ha|han) (reclamado|demandado|denunciado|multado)\b", "legal"),
    (r"\bcarta de hacienda\b", "money"), (r"\b(letter|fine) from the tax\b", "money"),
    (r"\bmulta\w*", "legal"), (r"\bfine[ds]?\b", "legal"),
    (r"\bcontrato\b.*\b(problema|lio)\b", "legal"),
    (r"\b(is|it'?s)?\s?even legal\b", "legal"),
    (r"\bseparad[oa]\b", "family"),
    (r"\bcopi(e|ar|en|ies|ed)\b", "legal"),
    (r"\bregistr\w* (su|la|his|her|the) (marca|brand|nombre|name)\b", "legal"),
    # --- money
    (r"\bdeuda\w*", "money"), (r"\bdebt\w*", "money"),
    (r"\b(can'?t|cannot|couldn'?t) pay\b", "money"), (r"\bno puede pagar\b", "money"),
    (r"\braise\b.*\b(round|money|capital)\b", "money"),
    (r"\bperdid[oa]s? con\b", "money"), (r"\bva perdid\w*", ""), (r"\bno entiende\b", ""),
    (r"\bno sabe\b", ""), (r"\b(doesn'?t|does not|don'?t) (know|understand)\b", ""),
    (r"\bno idea\b", ""), (r"\bni idea\b", ""), (r"\bclueless\b", ""), (r"\blost with\b", ""),
    (r"\bstruggl\w*", ""), (r"\bcuesta\b", ""), (r"\ble cuesta\b", ""), (r"\bagobi\w*", ""),
    (r"\boverwhelm\w*", ""), (r"\bse lia\b", ""),
    # --- immigration and papers
    (r"\b(swap|exchange|convert) (his|her|their|the)? ?\w* ?(driving )?licen[cs]e\b", ""),
    (r"\b(runs|run|running) out\b", ""), (r"\bexpir\w*", ""),
    (r"\bcaduca\w*", ""), (r"\bse (le )?acaba\b", ""), (r"\bvence\b", ""),
    # --- home, moving, children, family
    (r"\bse mudan?\b", ""), (r"\bmudarse\b", ""), (r"\bmudandose\b", ""),
    (r"\bmoving (to|city|house|flat|home|out|in|from|on|this|next)\b", ""),
    (r"\bmoving [\w ]{1,30}(->|→)", ""),  # "Moving Malasaña -> Carabanchel on the 5th"
    (r"\brelocat\w*", ""), (r"\blease ends\b", ""),
    (r"\bse (le )?acaba el (contrato|alquiler)\b", ""),
    (r"\bpiso\b.*\b(alquil|compr)\w*", ""), (r"\b(flat|apartment|house) to (rent|buy)\b", ""),
    (r"\b\d-bed\b", ""), (r"\bwaiting lists?\b", "family"), (r"\blista de espera\b", ""),
    (r"\b(hijo|hija|hijos|hijas|nino|nina|son|daughter|kid|kids|child|children)\b.*\b(suspend\w*|"
         r"va justisim\w*|va mal|fail\w*|struggl\w*|behind|justo|mal en|bullying|acoso)",
     "family"), (r"\b(suspende|suspendiendo|failing|flunk\w*)\b", "family"),
    (r"\bbullying\b", "family"),
    (r"\b(madre|padre|abuel[oa]|mother|father|mum|mom|dad|grand\w+) (mayor|elderly|con alzheimer|"
         r"with dementia|alone|sol[oa])\b",
     "family"),
    # --- business trouble
    (r"\bno (le )?llega(n)?\b", ""),
    (r"\bno (tiene|tienen|hay) (ni )?(clientes|alumnos|ventas|web|logo|seguro)\b", ""),
    (r"\bno tiene ni\b", ""), (r"\bno tiene\b", ""), (r"\btodavia no\b", ""), (r"\baun no\b", ""),
    (r"\bstill no\b", ""),
    (r"\bno (clients|customers|students|sales|website|logo|one|caterer|photographer)\b", ""),
    (r"\b(few|no|zero) (customers|clients|bookings|sales) online\b", ""),
    (r"\bnobody (speaks|knows|can)\b", ""), (r"\bnadie (habla|sabe|puede)\b", ""),
    (r"\bpierde\b", ""), (r"\bloses?\b", ""), (r"\blosing\b", ""), (r"\bperdiendo\b", ""),
    (r"\bno (se )?ve bien\b", ""), (r"\bobsolet\w*", ""), (r"\bantigu[ao]\b", ""),
    (r"\boutdated\b", ""),
    (r"\bde 20[01]\d\b", ""), (r"\bfrom 20[01]\d\b", ""),
    (r"\b(can'?t|cannot|unable to) (hire|find|get|afford|keep|manage)\b", ""),
    (r"\bno (puede|consigue|encuentra) (contratar|encontrar)\b", ""), (r"\bno consigue\b", ""),
    # "tiene más alumnos que nunca" is good news
    (r"(?<!\bque )\bnunca\b", ""), (r"\bnever (posts|answers|updates)\b", ""),
    (r"\b(oxidad[oa]|rusty)\b", ""), (r"\bsurvival level\b", ""), (r"\bnivel (basico|bajo)\b", ""),
    (r"\bno habla\b", ""), (r"\b(doesn'?t|does not|can'?t) speak\b", ""),
    # "da hipotecas a extranjeros sin problema", "no problem at all": no trouble told
    (r"(?<!\bno )(?<!\bany )\b(problem|problems|issue|issues|trouble)\b", ""),
    (r"(?<!\bsin )(?<!\bningun )(?<!\bni un )\bproblema\w*\b", ""),
    (r"\blio\b", ""),
    (r"\b(solo|todo) boca a boca\b", ""), (r"\bword of mouth\b", ""),
    (r"\bsin (clientes|trabajo|web|logo|seguro|papeles)\b", ""),
    (r"\bwithout (a |any )?(job|work|website|logo|insurance)\b", ""),
    (r"\bparad[oa]\b", "money"), (r"\bunemploy\w*", "money"), (r"\bout of work\b", "money"),
    (r"\bse quiere ir\b", ""), (r"\bse va a vivir\b", ""),
    # --- general trouble words (any domain)
    (r"\b(se quejan?|quejas?|complain\w*|complaints?)\b", ""),
    (r"\b(le |les )?(han |ha )?abierto (un )?expediente\b", "legal"), (r"\bsancion\w*\b", "legal"),
    (r"\b(police|policia|arrest\w*|detenid[oa]s?|shoplift\w*|caught)\b", "legal"),
    (r"\b(le |les |me )?preocupa(n|ba)?\b", ""), (r"\bno ha cotizado\b", "money"),
    (r"\b(died|dead|se (le )?ha muerto|se murio|ha muerto|passed away|fallecid\w*)\b", ""),
    (r"\b(sales|ventas|clients|clientes|customers|revenue|bookings|reservas|facturacion)\b.{0,20}"
     r"\b(dropped|down|fell|falling|fall|bajan|bajado|bajando|caen|caido|cayendo)\b", ""),
    (r"\b(nobody|no one|nadie) (les |le )?(finds?|knows?|comes?|buys?|encuentra|conoce|viene|compra)\b", ""),
    (r"\bno se apan\w*\b", ""), (r"\b(dislexi\w*|dyslexi\w*|tdah|adhd|autis\w*)\b", "family"),
    (r"\bno (llega|llegan) a fin de mes\b", "money"),
    (r"\b(madre|padre|abuel[oa]|mother|father|mum|mom|dad|parents|padres)\b.{0,40}"
     r"\b(sol[oa]s?|alone|mayor(es)?|elderly|no se apan\w*|can'?t cope|dementia|alzheimer)\b", "family"),
    (r"\bno puede(n)?\b", ""), (r"\bno (le )?da abasto\b", ""), (r"\b(can'?t|cannot) cope\b", ""),
    (r"\b(won'?t|doesn'?t|don'?t) (start|open|close|stop|load|work|pay|answer|return|refund|fix"
     r"|reply)\b", ""),
    (r"\bno (le |les )?(devuelve|devuelven|quiere devolver|arregla|arreglan)\b", ""),
    (r"\bno (arranca|abre|cierra|para|carga|paga|contesta|responde)\b", ""),
    (r"\b(too|demasiado) (expensive|caro|small|pequen\w*|slow|lent\w*|old|viej\w*|far|lejos)\b", ""),
    (r"\bse (le |les )?(ha |han )?queda(n|do)? pequen\w*\b", ""), (r"\bse (le )?(va|fue) la luz\b", ""),
    (r"\b(harto|harta|hartos|fed up|sick of|tired of|cansad[oa]s? de)\b", ""),
    (r"\b(urgent\w*|asap|cuanto antes|lo antes posible)\b", ""), (r"\bya\b(?=\W*$)", ""),
    (r"\b(deadline|plazo)\b", ""), (r"\bantes de que\b", ""), (r"\bbefore (it|they|the)\b", ""),
    (r"\b(rechaz\w*|denegad\w*|denied|refused|rejected)\b", ""),
    (r"\b(overdue|atrasad\w*|retras\w*|behind on)\b", ""), (r"\b(moros\w*|impag\w*|unpaid)\b", "money"),
    (r"\b(dificil|difficult|hard to|complicad\w*|a struggle|un lio|un rollo)\b", ""),
    (r"\b(se le|se me|se nos) (da|dan) fatal\b", ""), (r"\bfatal\b", ""),
    (r"\b(awful|terrible|nightmare|pesadilla)\b", ""),
    (r"\b(echa|echan|echo) de menos\b", ""), (r"\b(misses|missing)\b", ""), (r"\b(lonely|sol[oa] en)\b", ""),
    (r"\b(no|zero|ningun\w*|ni un\w*) (idea|experiencia|experience|contactos|contacts)\b", ""),
    (r"\b(el casero|landlord)\b.*\b(echa|subir|sube|raise|evict\w*|out)\b", "legal"),
    (r"\b(desahucio|evict\w*)\b", "legal"), (r"\b(accident\w*|choque|crash\w*)\b", ""),
    (r"\b(averia|breakdown|broke)\b", ""), (r"\b(se muere|dying|se esta muriendo)\b", ""),
    (r"\b(perdio|lost (his|her|their) (job|work|client|clients))\b", ""),
    (r"\bno (le|les) (sale|salen|funciona|funcionan|cuadra|cuadran)\b", ""),
)

# Domain words: what a need is *about* (taxes, visas, a wedding). Alone they do not make a
# sentence a need: "abogado de extranjería (arraigos, nacionalidad)" is an offer. They give a
# need its topic, and in a sentence with no offer cue they still suggest a need.
NEED_DOMAIN: tuple[tuple[str, str], ...] = (
    (r"\blesion\w*", "health"),
    (r"\bdiagnos\w*", "health"),
    (r"\bmedic(o|al|ation)\b", "health"),
    (r"\bpregnan\w*", "health"),
    (r"\bembarazad\w*", "health"),
    (r"\bfisio\w*\b", "health"),
    (r"\bokupa\w*", "legal"),
    (r"\bsquatter\w*", "legal"),
    (r"\bphishing\b", ""),
    (r"\bvirus\b", ""),
    (r"\bransomware\b", ""),
    (r"\bdespid\w*", "legal"),
    (r"\bdespido\b", "legal"),
    (r"\bindemnizacion\b", "legal"),
    (r"\bdemand\w*\b", "legal"),
    (r"\blawsuit\b", "legal"),
    (r"\breclam\w*", "legal"),
    (r"\bdenuncia\w*", "legal"),
    (r"\blegal\w*\b", "legal"),
    (r"\bherencia\b", "legal"),
    (r"\binheritance\b", "legal"),
    (r"\bdivorc\w*", "family"),
    (r"\bcustod\w*", "family"),
    (r"\bpatent\w*", "legal"),
    (r"\bseguro\b", ""),
    (r"\binsurance\b", ""),
    (r"\bhacienda\b", "money"),
    (r"\bimpuestos?\b", "money"),
    (r"\bi\.?v\.?a\.?\b", "money"),
    (r"\btrimestral\w*", "money"),
    (r"\bcuotas?\b", "money"),
    (r"\bfacturas?\b", "money"),
    (r"\btax(es)?\b", "money"),
    (r"\bvat\b", "money"),
    (r"\binvoic\w*", "money"),
    (r"\bbookkeeping\b", "money"),
    (r"\bpresta(mo|mos)\b", "money"),
    (r"\bloan\b", "money"),
    (r"\bhipoteca\b", "money"),
    (r"\bmortgage\b", "money"),
    (r"\binversion\b", "money"),
    (r"\binvest(or|ors|ment)\b", "money"),
    (r"\bfinanciacion\b", "money"),
    (r"\bfunding\b", "money"),
    (r"\bvisa(do)?s?\b", "immigration"),
    (r"\bresiden(cy|cia|ce permit)\b", "immigration"),
    (r"\bpermiso de (residencia|trabajo)\b", "immigration"),
    (r"\bwork permit\b", "immigration"),
    (r"\bnie\b", "immigration"),
    (r"\btie\b", "immigration"),
    (r"\barraigo\b", "immigration"),
    (r"\bpapeles\b", "immigration"),
    (r"\bnacionalidad\b", "immigration"),
    (r"\bcitizenship\b", "immigration"),
    (r"\bempadrona\w*", "immigration"),
    (r"\bhomolog\w*", ""),
    (r"\bcarne?t? de conducir\b", ""),
    (r"\bmudanza\b", ""),
    (r"\bguarderia\b", "family"),
    (r"\bnursery\b", "family"),
    (r"\bdaycare\b", "family"),
    (r"\bcanguro\b", "family"),
    (r"\bbabysitter\b", "family"),
    (r"\bnanny\b", "family"),
    (r"\bselectividad\b", ""),
    (r"\bexam(s|en|enes)?\b", ""),
    (r"\b(se casa|getting married|wedding|boda)\b", ""),
    (r"\b(dementia|alzheimer|residencia de ancianos|care home)\b", "family"),
)

# Offers: what the person does, has, or is happy to do for others.
OFFER: tuple[str, ...] = (
    # Spanish
    r"^(es|soy|era)\b",
    r"\bes (un|una)?\s?\w+(or|ora|era|ero|ista|ologa?|ogr?afa?|ico|ica|ante|ente)\b",
    r"\bhace (fotos|webs|paginas|videos|portes|mudanzas|reformas|traducciones|disenos|eventos|"
    r"catering|clases|talleres|tartas|pan|muebles|obras|instalaciones)\b",
    r"(^|, )hace\b(?!\s+(\d|un|una|unos|unas|dos|tres|cuatro|cinco|poco|mucho|"
    r"tiempo|nada|rato|dias|semanas|meses|anos)\b)",  # "hace 2 semanas": "ago", not "does"
    r"\blleva (las|los|la|el)\b",
    r"\bda (clases|talleres|cursos|formacion|hipotecas|prestamos|creditos|trabajo|empleo|"
    r"charlas|consejos|asesoria)\b",
    r"\btrabaja (en|de|como|para)\b",
    r"\btiene (un|una|su) (\w+ )?(empresa|tienda|negocio|despacho|clinica|academia|agencia|"
         r"restaurante|bar|estudio|masia|furgo\w*|boutique|taller|panaderia|consulta|almazara)\b",
    r"\btiene (furgo\w*|coche|camion|local|barco)\b", r"\bse ofrece\b", r"\bofrece\b",
    # "lo presta/alquila para cenas", "la alquilaría": a place or thing they let others use
    r"\b(lo|la|los|las) (presta|prestan|alquila|alquilan|alquilaria|cede|ceden)\b",
    r"\b(presta|alquila)/(alquila|presta)\b",
    r"\bpuede ayudar\b",
    r"\bencantad[oa] de ayudar\b", r"\bconoce a (todo|mucha)\b", r"\bexpert[oa]\b",
    r"\bespecialista\b",
    r"\bautonom[oa]\b", r"\bfreelance\b", r"\bdueñ[oa]|\bduen[oa]\b", r"\bfundador\w*",
    r"\bmonta\w* (eventos|webs)\b",
    r"\bimport\w*\b", r"\bexport\w*\b", r"\bvende\b", r"\bprepara\b", r"\benseña\b|\bensena\b",
    r"\bdiseña\b|\bdisena\b", r"\barregla\b", r"\brepara\b", r"\binstala\b", r"\bcuida\b",
    # English
    r"\bis an? \w+", r"\bworks (as|at|for|in)\b", r"\bruns (a|an|this|the|her|his|their)\b(?! lot\b)",
    r"\bowns\b", r"\bteach(es|ing)?\b", r"\binstalls?\b", r"(^|, |\()does\b", r"\boffers?\b",
    r"\bhappy to (help|look|do|share|introduce)\b", r"\bcan help\b",
    r"\bknows (literally )?(every|lots|all|many)\b",
    r"\bspeciali[sz]\w*\b", r"\bexpert\b", r"\bfreelanc\w*", r"\bconsultant\b", r"\bfounder\b",
    r"\bhas a (van|car|truck|shop|studio|boat|venue)\b", r"\bsupplies\b", r"\bimports?\b",
    r"\bsells?\b", r"\bbuilds?\b", r"\bdesigns?\b", r"\bfix(es)?\b", r"\brepairs?\b",
    r"\bkeen to (run|help|teach|offer|mentor)\b", r"\bex-\w+", r"\bangel investor\b",
)

# Promises and plans with the person (something the user should do or attend).
PROMISE: tuple[tuple[str, str], ...] = (
    # Spanish
    (r"^(volver a )?llamar(la|le|los|las)?\b", "call"), (r"\bllamar(la|le|los|las)\b", "call"),
    (r"\bquedamos\b", "meet"),
    (r"\bquedar (para|a|en)\b", "meet"), (r"\b(comer|cenar|comida|cena|desayuno|cafe)\b", "meet"),
    (r"\btomamos algo\b", "meet"), (r"\bpasarme por\b", "meet"), (r"\btomar (algo|un cafe)\b", "meet"),
    (r"\ble prometi\b", "promise"),
    (r"\bprometi\b", "promise"),
    (r"^(le|les|te) (mando|paso|envio|escribo|llamo|presento|digo)\b", "promise"),
    # "se vino de Madrid en septiembre" came from Madrid: no glass of wine
    (r"^(hablamos|nos vemos|nos llamamos)\b", "meet"),
    (r"\b(cervezas?|canas?|vermut|(?<!\bse )vino(?!\s+(de|a|desde|hace|aqui|para|con|en|al)\b))\b", "meet"),
    (r"\ble dije que\b", "promise"), (r"\bquede en\b", "promise"),
    (r"^(me apunto|apuntarme|anotarme|note to self)\b", "remind"),
    (r"\bpasarle\b", "send"), (r"\bmandarle\b", "send"), (r"\benviarle\b", "send"),
    (r"\bescribirle\b", "send"), (r"\bmail\b", "send"), (r"\bcorreo\b", "send"),
    (r"\bwhatsapp(ear)?le\b", "send"),
    (r"\bpresentarle\b", "introduce"), (r"\ble presento\b", "introduce"),
    (r"\ble presentaba\b", "introduce"),
    (r"\brecordar(le)?\b", "remind"), (r"\bseguimiento\b", "check"), (r"\bpreguntarle\b", "check"),
    (r"\bver que tal\b", "check"), (r"\bhablar (con ella|con el|otra vez)\b", "call"),
    # English
    (r"\bcall (him|her|them|back)\b", "call"), (r"\bring (him|her)\b", "call"),
    (r"\bphone (him|her)\b", "call"),
    (r"\bcoffee\b", "meet"), (r"\b(beers?|a pint|pints)\b", "meet"), (r"\blunch\b", "meet"),
    (r"\bdinner\b", "meet"),
    (r"\bdrinks?\b", "meet"),
    (r"\bmeet (up|again|next)\b", "meet"), (r"\bcatch up\b", "meet"),
    (r"\b(drop|pop|stop|swing) (by|in|round)\b", "meet"),
    (r"\bsend (him|her|them)\b", "send"), (r"\bemail (him|her|them)\b", "send"),
    (r"\bemail\b", "send"),
    (r"\bpromised\b", "promise"), (r"\bi'?ll\b", "promise"), (r"\bi will\b", "promise"),
    (r"\bfollow[- ]?up\b", "check"), (r"\bcheck (on|in)\b", "check"),
    (r"\bintroduce (him|her|them)\b", "introduce"),
    (r"\bremind\b", "remind"), (r"\bmessage (him|her)\b", "send"), (r"\btext (him|her)\b", "send"),
)

# Sentences that are only colour ("Muy maja.", "Stressed.", "Sent me his card").
NOISE: tuple[str, ...] = (
    r"^(muy )?(maj[oa]|simpatic[oa]|encantador[a]?|grande|crack|top)\b",
    r"^(pretty |very |really |so |a bit )?(nice|lovely|upset|stressed|funny|great|tired|sweet|smart|"
    r"shaken|sad|happy|excited|emotional|down|chatty|quiet)\b(?! to\b)",
    r"\bsent me\b", r"\bme debe\b", r"\bowes me\b", r"\bgave me\b",
    r"\bme (dio|paso|mando) (su|la) (tarjeta|numero|contacto)\b",
    r"^(lol|jaja\w*|haha\w*)\b", r"^(esta|is|she'?s|he'?s) (de los nervios|stressed|upset)\b",
    r"^(esta )?de los nervios\b", r"^apparently\b",
)

# Colour inside a need ("está de los nervios", "he's decent apparently", "no idea what to tell
# her"): dropped from the need's text when the clause says nothing about the problem itself.
NEED_COLOUR: tuple[str, ...] = (
    r"\bapparently\b", r"\bal parecer\b", r"\bsegun (el|ella)\b", r"\blol\b", r"\bjaja\w*",
    r"\bhaha\w*", r"\bde los nervios\b", r"\b(stressed|upset|nervous|nervios[oa])\b",
    r"\b(no idea|ni idea) (what|de que|que) (to tell|to say|decirle|contarle)\b",
    r"\b(muy )?(maj[oa]|simpatic[oa]|nice|lovely)\b", r"\b(pobre|poor thing)\b",
)

# Reported-speech frames at the start of a clause: "says his Spanish is..." -> "his Spanish is...".
REPORTED = r"^(says|said|told me|tells me|dice|dijo|me dijo|me conto|comenta|cuenta|comento)( que| that)?\s+"

# Topic words that make a need private by default even when no problem pattern named it.
TOPIC_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(medic\w*|doctor|hospital|therap\w*|terapia|psicolog\w*|psiquiatr\w*|salud|health|"
         r"dentist\w*|dentista)\b", "health"),
    (r"\b(abogad\w*|lawyer|juicio|court|tribunal|legal)\b", "legal"),
    (r"\b(dinero|money|deuda|debt|hacienda|impuestos|tax office)\b", "money"),
    (r"\b(visa\w*|residen\w*|extranjeria|immigration|papeles|nie|arraigo)\b", "immigration"),
    (r"\b(divorc\w*|custod\w*|pareja|partner|marido|esposa|husband|wife)\b", "family"),
)

# Words that mean "an animal", so "sick" about a pet is not the person's health.
PET_WORDS = r"\b(cat|dog|pet|vet|gato|gata|perro|perra|mascota|veterinari\w*)\b"

# Words that start a sentence about the *user* (not the person): "I", "yo", "mi equipo".
USER_SIDE = r"\b(my team|mi equipo|for me|para mi)\b"

# Biography inside a description ("moved from Bangalore via London", "5 yrs in VLC"): true,
# but not something anyone can be helped with, and it blurs what the person offers. Such
# clauses are left out of the offer text (the note keeps them).
BIOGRAPHY: tuple[str, ...] = (
    r"\bmoved (here |over )?(from|to|in)\b", r"\brelocated\b", r"\bse mudo\b", r"\bvino de\b",
    r"\bllego (de|hace)\b", r"\b(lives|living|based) in\b", r"\bvive en\b",
    r"\b\d+ ?(yrs?|years?|anos|meses|months) (in|en|aqui|here|ago)\b",
    r"\b(originally|originalmente) (from|de)\b", r"^(from|de) [a-z]+$",
    r"\b(married|casad[oa]|divorciad[oa]|single|solter[oa])\b",
    # "has 2 kids" is family; "English for kids & adults" is who they teach
    r"(?<!\bfor )(?<!\bwith )(?<!\bpara )(?<!\bcon )\bkids?\b(?!\s*(?:&|and|\+|y)\s*adult)"
    r"|\bhijos\b",
    r"^(conoci|me presentaron|nos presentaron|coincidimos|hable con|charle con|met|i met|"
    r"was introduced|talked (to|with)|chatted with|sat next to)\b",
    r"\b(been|living) here\b", r"\blleva \d+ (anos|meses) (aqui|en)\b", r"^\d+ ?(yrs?|years?|anos)$",
)

# Nationalities and countries: alone in a clause ("Polish", "UK") they say where someone is
# from, not what they offer; kept when the clause says more ("Japanese, Spanish pretty good").
NATIONALITY = (
    r"^(uk|usa|us|british|english|irish|scottish|welsh|american|canadian|australian|german|"
    r"french|italian|polish|dutch|belgian|swiss|austrian|swedish|norwegian|danish|finnish|"
    r"portuguese|spanish|japanese|chinese|korean|indian|pakistani|moroccan|argentinian|"
    r"argentino|argentina|mexican|mexicano|mexicana|colombian|colombiano|colombiana|venezolano|"
    r"venezolana|brazilian|brasileno|brasilena|aleman|alemana|frances|francesa|italiano|italiana|"
    r"ingles|inglesa|irlandes|irlandesa|polaco|polaca|chino|china|japones|japonesa|ruso|rusa|"
    r"russian|ukrainian|ucraniano|ucraniana|rumano|rumana|romanian|marroqui|nigerian|ghanaian|"
    r"kenyan|senegalese|egyptian|turkish|turco|turca|greek|griego|griega|israeli|iranian|syrian|"
    r"lebanese|filipino|filipina|vietnamese|thai|peruvian|peruano|peruana|chilean|chileno|chilena|"
    r"cuban|cubano|cubana|ecuadorian|ecuatoriano|ecuatoriana|uruguayo|uruguaya|dominicano|"
    r"dominicana|bulgarian|bulgaro|bulgara|czech|checo|checa|hungarian|hungaro|hungara|suizo|"
    r"suiza|belga|holandes|holandesa|sueco|sueca|noruego|noruega|danes|danesa|portugues|"
    r"portuguesa|indio|india|bangladeshi|coreano|coreana|vietnamita|kiwi|scot|aussie|brit|"
    r"british-\w+|tico|tica|boliviano|boliviana|paraguayo|paraguaya|venezuelan|costarricense|"
    r"hondureno|hondurena|guatemalteco|guatemalteca|salvadoreno|salvadorena|nicaraguense|"
    r"panameno|panamena|puertorriqueno|puertorriquena|estonian|latvian|lithuanian|croatian|"
    r"serbian|slovak|slovenian)$"
)

# When a problem started or happened ("since she moved here in Jan", "el martes por la noche",
# "last week"): true, but it says nothing about who could help, and it pulls the matching
# towards the wrong things ("moved here" → estate agents). Left out of a need's text.
TIME_ADJUNCTS: tuple[str, ...] = (
    r"\s*\b(since|desde que|desde hace)\b[^,.;()]*?(?=\s*(,|;|\.|\band\b|\by\b|$))",
    r"\s*\b(last|this|la|el|esta|este) (week|month|night|year|semana pasada|mes pasado|ano pasado)\b",
    r"\s*\b(yesterday|ayer|anoche|last night|the other day|el otro dia"
    r"|hace (unos|dos|tres|un par de) dias)\b",
    r"\s*\b(el|on) (lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)( por la (noche|manana|tarde)| night| morning)?\b",
)
