/**
 * More canvas scenes for the dataset, each a family of its own: animation in the looks the real clips
 * have and the first scenes lacked (cel-shaded characters drawn on twos with subtitles, smooth-shaded
 * CG with textured ground, paper cut-outs in parallax, a black-and-white rubber-hose cartoon, a bright
 * children's-TV look) and games of other genres (top-down role-playing with a dialogue box, falling
 * blocks, a side-view fighter, an isometric strategy map, a flat-shaded first-person 3-D view; the last
 * two also drawn at full resolution, as modern games are, not only as pixel art scaled up).
 * Drawing helpers (`g`, `W`, `H`, `R`, `HUD`) come from `scenePage`.
 */
import type { CanvasScene } from './canvas-scenes.ts';

const anime = `const T=(t)=>Math.floor(t*12)/12;
function draw(t0){const t=T(t0);const sky=g.createLinearGradient(0,0,0,H);sky.addColorStop(0,'#6fa8dc');sky.addColorStop(1,'#d9ecf7');g.fillStyle=sky;g.fillRect(0,0,W,H);
g.fillStyle='#f4f8fb';for(let i=0;i<5;i++){const x=((i*260-t*25)%(W+300)+W+300)%(W+300)-150;g.beginPath();g.ellipse(x,90+i*22,90,26,0,0,7);g.fill();}
g.fillStyle='#8a6d4b';g.fillRect(0,H*0.62,W,H*0.38);g.fillStyle='#6e5539';for(let i=0;i<12;i++)g.fillRect(i*120-(t*10%120),H*0.62,8,H*0.38);
const cx=W*0.42+20*Math.sin(t*0.8),cy=H*0.62;g.lineWidth=4;g.strokeStyle='#2a1a12';
g.fillStyle='#c0392b';g.beginPath();g.moveTo(cx-150,H);g.lineTo(cx-110,cy-30);g.lineTo(cx+110,cy-30);g.lineTo(cx+150,H);g.fill();g.stroke();
g.fillStyle='#a93226';g.beginPath();g.moveTo(cx-110,cy-30);g.lineTo(cx-60,H);g.lineTo(cx-150,H);g.fill();
g.fillStyle='#f6d2b5';g.beginPath();g.ellipse(cx,cy-150,95,115,0,0,7);g.fill();g.stroke();g.fillStyle='#e7b897';g.beginPath();g.ellipse(cx+45,cy-120,45,80,0,-1.2,1.6);g.fill();
const blink=(Math.floor(t0*2)%7===0);g.fillStyle='#fff';for(const s of[-1,1]){g.beginPath();g.ellipse(cx+s*40,cy-160,22,blink?3:28,0,0,7);g.fill();g.stroke();if(!blink){g.fillStyle='#3d2314';g.beginPath();g.arc(cx+s*40+6*Math.sin(t),cy-155,13,0,7);g.fill();g.fillStyle='#fff';g.beginPath();g.arc(cx+s*40+2,cy-162,5,0,7);g.fill();}}
g.beginPath();const open=Math.abs(Math.sin(t*6))*22;g.fillStyle='#7a1f1f';g.ellipse(cx,cy-85,28,4+open,0,0,7);g.fill();g.stroke();
g.fillStyle='#e8c21e';g.beginPath();g.ellipse(cx,cy-235,170,40,0,0,7);g.fill();g.stroke();g.beginPath();g.ellipse(cx,cy-265,100,60,0,3.2,6.2);g.fill();g.stroke();g.fillStyle='#b03a2e';g.fillRect(cx-100,cy-262,200,14);
g.fillStyle='#1b1b1b';g.beginPath();for(let k=0;k<7;k++){const a=-2.6+k*0.35;g.moveTo(cx+80*Math.cos(a),cy-180+70*Math.sin(a));g.lineTo(cx+130*Math.cos(a),cy-200+90*Math.sin(a));g.lineTo(cx+90*Math.cos(a+0.2),cy-180+75*Math.sin(a+0.2));}g.fill();
const sub=['We have to leave before the tide turns.','Then we sail tonight!','Nobody will stop us now.'][Math.floor(t0/1.6)%3];
g.font='bold 34px sans-serif';g.textAlign='center';g.lineWidth=6;g.strokeStyle='#000';g.strokeText(sub,W/2,H-30);g.fillStyle='#fff';g.fillText(sub,W/2,H-30);}`;

const shaded3d = `const rnd=R(21);const blades=Array.from({length:1400},()=>[rnd(),rnd(),rnd()]);
function draw(t){const cam=t*40;const sky=g.createLinearGradient(0,0,0,H*0.55);sky.addColorStop(0,'#8fb7e0');sky.addColorStop(1,'#f2d7b6');g.fillStyle=sky;g.fillRect(0,0,W,H*0.55);
const gr=g.createLinearGradient(0,H*0.5,0,H);gr.addColorStop(0,'#7f9f3a');gr.addColorStop(1,'#3c5d1c');g.fillStyle=gr;g.fillRect(0,H*0.5,W,H*0.5);
for(const[a,b,c]of blades){const z=0.05+b*0.95,y=H*0.5+z*H*0.5,x=((a*W*1.6-cam*z)%(W*1.6)+W*1.6)%(W*1.6)-W*0.3,h=6+z*26;g.strokeStyle='hsl('+(80+c*40)+','+(40+c*30)+'%,'+(22+z*30)+'%)';g.lineWidth=0.6+z*1.6;g.beginPath();g.moveTo(x,y);g.quadraticCurveTo(x+3,y-h*0.6,x+6*Math.sin(t*2+a*9),y-h);g.stroke();}
for(let i=0;i<3;i++){const x=W*(0.25+0.28*i)+40*Math.sin(t+i),y=H*0.68+i*12,r=70-i*10;g.fillStyle='rgba(0,0,0,0.25)';g.beginPath();g.ellipse(x+20,y+r*0.9,r,r*0.25,0,0,7);g.fill();
const s=g.createRadialGradient(x-r*0.4,y-r*0.5,r*0.1,x,y,r);s.addColorStop(0,'#fff6e8');s.addColorStop(0.3,['#e07a5f','#81b29a','#f2cc8f'][i]);s.addColorStop(1,'#3d2b1f');g.fillStyle=s;g.beginPath();g.arc(x,y,r,0,7);g.fill();}}`;

const cutout = `function draw(t){const sky=g.createLinearGradient(0,0,0,H);sky.addColorStop(0,'#f7b267');sky.addColorStop(1,'#f25c54');g.fillStyle=sky;g.fillRect(0,0,W,H);
g.fillStyle='#ffe3a3';g.beginPath();g.arc(W*0.7,H*0.35,70,0,7);g.fill();
[['#c75146',0.1,0.45,90],['#8e3b46',0.3,0.6,60],['#4c2a40',0.6,0.75,40],['#24161f',1.2,0.88,25]].forEach(([c,sp,base,amp])=>{g.fillStyle=c;g.beginPath();g.moveTo(0,H);
for(let x=0;x<=W+20;x+=10){const u=x+t*120*sp;g.lineTo(x,H*base-amp*Math.abs(Math.sin(u/170))-amp*0.4*Math.sin(u/53));}g.lineTo(W,H);g.fill();});
const wx=W*0.35,wy=H*0.83,ph=t*5;g.fillStyle='#120b10';g.beginPath();g.ellipse(wx,wy-90,22,34,0,0,7);g.fill();g.beginPath();g.arc(wx,wy-140,18,0,7);g.fill();
g.save();g.translate(wx,wy-60);g.rotate(0.5*Math.sin(ph));g.fillRect(-7,0,14,60);g.restore();g.save();g.translate(wx,wy-60);g.rotate(-0.5*Math.sin(ph));g.fillRect(-7,0,14,60);g.restore();
for(let b=0;b<4;b++){const bx=((b*220+t*70)%(W+100))-50,by=120+b*30+10*Math.sin(t*4+b);g.strokeStyle='#24161f';g.lineWidth=3;g.beginPath();g.moveTo(bx-12,by-6*Math.sin(t*9+b));g.lineTo(bx,by);g.lineTo(bx+12,by-6*Math.sin(t*9+b));g.stroke();}}`;

const rubberhose = `function draw(t0){const t=Math.floor(t0*12)/12;g.fillStyle='#ece9e2';g.fillRect(0,0,W,H);g.fillStyle='#d6d2c8';g.fillRect(0,H*0.78,W,H*0.22);
g.lineWidth=5;g.strokeStyle='#111';const pal=['#222','#777','#bbb','#fff'];
for(let c=0;c<2;c++){const x=W*(0.32+0.36*c)+30*Math.sin(t*2+c),bounce=Math.abs(Math.sin(t*4+c*1.5))*40,y=H*0.72-bounce;
g.fillStyle=pal[1+c];g.beginPath();g.ellipse(x,y-60,70,90,0.1*Math.sin(t*4),0,7);g.fill();g.stroke();
g.fillStyle=pal[2-c];g.beginPath();g.arc(x,y-190,58,0,7);g.fill();g.stroke();g.fillStyle='#222';g.beginPath();g.ellipse(x-40,y-240,22,34,-0.5,0,7);g.ellipse(x+40,y-240,22,34,0.5,0,7);g.fill();
g.fillStyle='#fff';g.beginPath();g.ellipse(x-18,y-200,14,22,0,0,7);g.ellipse(x+18,y-200,14,22,0,0,7);g.fill();g.stroke();g.fillStyle='#111';g.beginPath();g.ellipse(x-16,y-195,6,12,0,0,7);g.ellipse(x+20,y-195,6,12,0,0,7);g.fill();
g.beginPath();g.arc(x,y-170,24,0.3,2.8);g.stroke();g.lineWidth=9;for(const s of[-1,1]){g.beginPath();g.moveTo(x+s*55,y-90);g.quadraticCurveTo(x+s*120,y-60-60*Math.sin(t*6+s),x+s*100,y-20);g.stroke();
g.beginPath();g.moveTo(x+s*30,y+20);g.quadraticCurveTo(x+s*40,y+60,x+s*25+10*Math.sin(t*8),y+bounce+20);g.stroke();g.fillStyle='#fff';g.beginPath();g.ellipse(x+s*100,y-20,18,14,0,0,7);g.fill();}g.lineWidth=5;}
g.fillStyle='rgba(0,0,0,'+(0.04+0.03*Math.sin(t0*37))+')';g.fillRect(0,0,W,H);}`;

const kidsTv = `function draw(t){g.fillStyle='#8ee3f5';g.fillRect(0,0,W,H);const cols=['#ff595e','#ffca3a','#8ac926','#1982c4','#6a4c93'];
cols.forEach((c,i)=>{g.strokeStyle=c;g.lineWidth=22;g.beginPath();g.arc(W*0.5,H*0.95,H*0.75-i*22,Math.PI,2*Math.PI);g.stroke();});
g.fillStyle='#6bd35f';g.beginPath();g.ellipse(W*0.25,H*1.05,W*0.45,H*0.35,0,0,7);g.fill();g.fillStyle='#4fb848';g.beginPath();g.ellipse(W*0.8,H*1.1,W*0.4,H*0.35,0,0,7);g.fill();
for(let i=0;i<3;i++){const x=W*(0.2+0.3*i)+50*Math.sin(t*1.5+i*2),y=H*0.7-Math.abs(Math.sin(t*3+i))*60,r=45+i*8;g.fillStyle=cols[(i+1)%5];g.beginPath();g.arc(x,y,r,0,7);g.fill();
g.fillStyle='#fff';g.beginPath();g.arc(x-r*0.35,y-r*0.2,r*0.28,0,7);g.arc(x+r*0.35,y-r*0.2,r*0.28,0,7);g.fill();g.fillStyle='#000';g.beginPath();g.arc(x-r*0.3+4*Math.sin(t*3),y-r*0.15,r*0.12,0,7);g.arc(x+r*0.4+4*Math.sin(t*3),y-r*0.15,r*0.12,0,7);g.fill();
g.strokeStyle='#000';g.lineWidth=4;g.beginPath();g.arc(x,y+r*0.2,r*0.35,0.2,2.9);g.stroke();}}`;

const rpg = `const rnd=R(33);const map=[];for(let y=0;y<40;y++){map.push([]);for(let x=0;x<60;x++){const v=rnd();map[y].push(Math.hypot(x-30,y-20)<6?2:v<0.1?3:v<0.14?4:0);}}
function draw(t){const ox=Math.floor(t*20),oy=Math.floor(8*Math.sin(t*0.6));for(let ty=0;ty<12;ty++)for(let tx=0;tx<17;tx++){const mx=Math.floor((tx*16+ox)/16)+10,my=ty+14,k=map[my%40][mx%60],x=tx*16-(ox%16),y=ty*16+oy;
g.fillStyle=k===2?'#3a6fd8':'#58a83a';g.fillRect(x,y,16,16);if(k===0){g.fillStyle='#4c9632';g.fillRect(x+3,y+5,2,2);g.fillRect(x+11,y+10,2,2);}if(k===2){g.fillStyle='#6d95e8';g.fillRect(x+((t*8|0)%12),y+6,4,1);}
if(k===3){g.fillStyle='#2b5f1f';g.fillRect(x+2,y,12,11);g.fillStyle='#6b4423';g.fillRect(x+6,y+11,4,5);}if(k===4){g.fillStyle='#9c9c9c';g.fillRect(x+3,y+4,10,9);g.fillStyle='#6e6e6e';g.fillRect(x+3,y+11,10,2);}}
const px=W/2-8,py=H/2-24,f=Math.floor(t*6)%2;g.fillStyle='#f0c090';g.fillRect(px+4,py,8,6);g.fillStyle='#b02020';g.fillRect(px+3,py+6,10,7);g.fillStyle='#203080';g.fillRect(px+3+f,py+13,4,3);g.fillRect(px+9-f,py+13,4,3);
g.fillStyle='#101848';g.fillRect(4,H-52,W-8,48);g.strokeStyle='#fff';g.lineWidth=2;g.strokeRect(6,H-50,W-12,44);const msg='Welcome to the village. The bridge to the east is closed.';
HUD(msg.slice(0,Math.min(msg.length,Math.floor(t*14))).slice(0,40),12,H-34);HUD(msg.slice(40,Math.max(40,Math.floor(t*14))),12,H-22);}`;

const blocks = `const rnd=R(4);const C=['#00f0f0','#f0f000','#a000f0','#00f000','#f00000','#0000f0','#f0a000'];const grid=[];for(let y=0;y<20;y++){grid.push([]);for(let x=0;x<10;x++)grid[y].push(y>12&&rnd()<0.75?1+Math.floor(rnd()*7):0);}
function cell(x,y,c){g.fillStyle=c;g.fillRect(x,y,10,10);g.fillStyle='rgba(255,255,255,0.45)';g.fillRect(x,y,10,2);g.fillStyle='rgba(0,0,0,0.35)';g.fillRect(x,y+8,10,2);}
function draw(t){g.fillStyle='#14142a';g.fillRect(0,0,W,H);g.fillStyle='#000';g.fillRect(60,10,100,200);for(let y=0;y<20;y++)for(let x=0;x<10;x++)if(grid[y][x])cell(60+x*10,10+y*10,C[grid[y][x]-1]);
const n=Math.floor(t/1.6),fy=Math.floor((t%1.6)*8),piece=n%7,fx=3+(n*3)%5;for(let k=0;k<4;k++)cell(60+(fx+(k%2)+(piece>3&&k>1?1:0))*10,10+(fy+Math.floor(k/2))*10,C[piece]);
HUD('SCORE',172,30);HUD(String(1200+n*40),172,42,'#ff0');HUD('LINES '+(12+n),172,62);HUD('NEXT',172,86);for(let k=0;k<4;k++)cell(176+(k%2)*10,92+Math.floor(k/2)*10,C[(piece+1)%7]);}`;

const fighter = `function draw(t){g.fillStyle='#2b1b3d';g.fillRect(0,0,W,H);g.fillStyle='#5b3a6e';for(let i=0;i<9;i++)g.fillRect(i*40-((t*6)%40),60,30,90);g.fillStyle='#e09f3e';for(let i=0;i<9;i++)g.fillRect(i*40+10-((t*6)%40),70,10,12);
g.fillStyle='#7a7a7a';g.fillRect(0,150,W,74);g.fillStyle='#5e5e5e';for(let i=0;i<8;i++)g.fillRect(i*48-((t*12)%48),160,40,2);
const d=40+20*Math.sin(t*1.5);[[W/2-d,'#e63946',1],[W/2+d,'#457b9d',-1]].forEach(([x,c,s],i)=>{const hit=Math.floor(t*3+i)%4===0,y=150-(i&&Math.sin(t*3)>0.7?20:0);
g.fillStyle='#f1c27d';g.fillRect(x-6,y-62,12,12);g.fillStyle=c;g.fillRect(x-9,y-50,18,24);g.fillStyle='#222';g.fillRect(x-9,y-26,7,26);g.fillRect(x+2,y-26,7,26);g.fillStyle='#f1c27d';g.fillRect(x+(hit?s*9:s*4),y-46,hit?s*22:s*8,6);});
g.fillStyle='#000';g.fillRect(8,8,120,10);g.fillRect(W-128,8,120,10);g.fillStyle='#ffd000';g.fillRect(10,10,116-30*((t*0.2)%1),6);g.fillRect(W-126,10,116-50*((t*0.15)%1),6);HUD('KO',W/2-6,17,'#f33');HUD(String(99-Math.floor(t)),W/2-5,32,'#fff');}`;

const isometric = `const rnd=R(17);const hts=Array.from({length:144},()=>Math.floor(rnd()*3));
function draw(t){g.fillStyle='#0b0b12';g.fillRect(0,0,W,H);const ox=W/2-20*Math.sin(t*0.3),oy=40;for(let j=0;j<12;j++)for(let i=0;i<12;i++){const h=hts[j*12+i],x=ox+(i-j)*16,y=oy+(i+j)*8-h*6;
g.fillStyle=h===0?'#3b7dd8':h===1?'#6ab04c':'#8d6e63';g.beginPath();g.moveTo(x,y);g.lineTo(x+16,y+8);g.lineTo(x,y+16);g.lineTo(x-16,y+8);g.fill();if(h){g.fillStyle='#4b3b2f';g.fillRect(x-16,y+8,16,h*6);g.fillStyle='#3a2e25';g.fillRect(x,y+8,16,h*6);}}
for(let u=0;u<5;u++){const a=t*0.8+u*1.3,i=6+3*Math.cos(a),j=6+3*Math.sin(a),x=ox+(i-j)*16,y=oy+(i+j)*8-10;g.fillStyle=u%2?'#e74c3c':'#f1c40f';g.fillRect(x-3,y-8,6,8);g.fillStyle='#000';g.fillRect(x-3,y-10,6,2);}
g.fillStyle='#222';g.fillRect(0,0,W,14);HUD('GOLD 1'+String(200+Math.floor(t*17)),4,10,'#fc0');HUD('WOOD 540',90,10,'#8d6');HUD('POP 12/40',170,10);g.fillStyle='#111';g.fillRect(W-58,H-58,54,54);g.fillStyle='#3b7dd8';g.fillRect(W-50,H-50,20,16);g.fillStyle='#6ab04c';g.fillRect(W-30,H-40,22,28);g.strokeStyle='#fff';g.strokeRect(W-44+6*Math.sin(t*0.3),H-44,16,12);}`;

const lowpoly = `const rnd=R(8);const tri=Array.from({length:90},()=>[rnd()*2-1,rnd()*30+2,rnd()*0.6+0.2,rnd()]);
function draw(t){g.fillStyle='#9fd3ff';g.fillRect(0,0,W,H/2);g.fillStyle='#6d8f4e';g.fillRect(0,H/2,W,H/2);const yaw=0.4*Math.sin(t*0.5),fw=t*3;
tri.map(([x,z,h,c])=>[x*20,((z-fw)%32+32)%32+1,h,c]).sort((a,b)=>b[1]-a[1]).forEach(([x,z,h,c])=>{const sx=W/2+((x*Math.cos(yaw)-z*Math.sin(yaw)*0.2)/z)*W*0.6,base=H/2+H*0.9/z,s=H*h*6/z;
g.fillStyle=c<0.5?'rgb('+(60+c*80|0)+','+(110+c*60|0)+',60)':'rgb('+(120+c*40|0)+','+(120+c*40|0)+','+(130+c*30|0)+')';g.beginPath();g.moveTo(sx-s*0.6,base);g.lineTo(sx,base-s*1.6);g.lineTo(sx+s*0.6,base);g.fill();g.fillStyle='rgba(0,0,0,0.18)';g.beginPath();g.moveTo(sx,base-s*1.6);g.lineTo(sx+s*0.6,base);g.lineTo(sx,base);g.fill();});
g.fillStyle='#3a3a3a';g.fillRect(W*0.62,H*0.7+3*Math.sin(t*9),W*0.2,H*0.3);g.fillStyle='#222';g.fillRect(W*0.68,H*0.62+3*Math.sin(t*9),W*0.05,H*0.12);g.strokeStyle='#fff';g.lineWidth=1;g.beginPath();g.moveTo(W/2-6,H/2);g.lineTo(W/2+6,H/2);g.moveTo(W/2,H/2-6);g.lineTo(W/2,H/2+6);g.stroke();
HUD('HP 87',6,H-8,'#4f4');HUD('AMMO 24/120',W-70,H-8,'#ff4');}`;

/** The added canvas scenes (family names are their groups in the held-out evaluation). */
export const MORE_SCENES: CanvasScene[] = [
  { family: 'canvas-anime', type: 'animation', w: 1280, h: 720, draw: anime },
  { family: 'canvas-shaded3d', type: 'animation', w: 1024, h: 576, draw: shaded3d },
  { family: 'canvas-cutout', type: 'animation', w: 960, h: 540, draw: cutout },
  { family: 'canvas-rubberhose', type: 'animation', w: 800, h: 600, draw: rubberhose },
  { family: 'canvas-kidstv', type: 'animation', w: 1280, h: 720, draw: kidsTv },
  { family: 'game-rpg', type: 'gameplay', w: 256, h: 192, draw: rpg },
  { family: 'game-blocks', type: 'gameplay', w: 256, h: 224, draw: blocks },
  { family: 'game-fighter', type: 'gameplay', w: 320, h: 224, draw: fighter },
  { family: 'game-isometric', type: 'gameplay', w: 320, h: 240, draw: isometric },
  { family: 'game-lowpoly', type: 'gameplay', w: 480, h: 270, draw: lowpoly },
  { family: 'game-lowpoly-hd', type: 'gameplay', smooth: true, w: 1280, h: 720, draw: lowpoly },
  { family: 'game-isometric-hd', type: 'gameplay', smooth: true, w: 960, h: 720, draw: isometric },
];
